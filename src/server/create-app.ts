// The HTTP API as a Hono app. Capabilities come in; nothing here reads the environment.
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { adminRoutes } from './admin/admin-routes.js';
import { authRoutes } from './auth/auth-routes.js';
import { loadAccount, type AuthVariables } from './auth/session.js';
import { inviteRoutes } from './invites/invite-routes.js';
import { learnerRoutes } from './learner/learner-routes.js';
import type { MetricsEndpoint } from './metrics/index.js';
import type { ServerContext } from './server-context.js';
import { teacherRoutes } from './teacher/teacher-routes.js';
import { serveWebApp, type WebAppSource } from './web-assets/index.js';

export interface AppOptions {
  /** Hash of the one-time admin setup token (see `startServer`). */
  setupTokenHash?: string;
  guestMode?: boolean; // default true
  /** Requests per minute: sign-in attempts per IP, and all API calls per account. */
  limits?: { signInPerMinute?: number; requestsPerMinute?: number; bodyBytes?: number; uploadBytes?: number };
  /** The client address; behind a proxy, pass one that reads the forwarded header you trust. */
  clientAddress?: (request: Request) => string;
  /** Serves /metrics and counts every response by status class; without it there is no /metrics. */
  metrics?: MetricsEndpoint;
  /** When set, /metrics answers only a request with `Authorization: Bearer <token>` (Prometheus: `authorization.credentials`). */
  metricsToken?: string;
  /** The web app for every GET outside /api, /metrics and /healthz; without it those are JSON 404s. */
  webApp?: WebAppSource;
}

export function createApp(context: ServerContext, options: AppOptions = {}) {
  const { accounts } = context;
  const signIns = new RateLimiterMemory({ points: options.limits?.signInPerMinute ?? 10, duration: 60 });
  const requests = new RateLimiterMemory({ points: options.limits?.requestsPerMinute ?? 300, duration: 60 });
  const address = options.clientAddress ?? ((request: Request) => request.headers.get('x-real-ip') ?? 'local');

  const app = new Hono<{ Variables: AuthVariables }>();
  const metrics = options.metrics;
  if (metrics) {
    app.use(async (c, next) => {
      await next();
      metrics.response(c.res.status); // after onError has turned a thrown error into its response
    });
    if (options.metricsToken) {
      const refuse = (reason: string) => ({ wwwAuthenticateHeader: 'Bearer realm="metrics"', message: { error: reason } });
      app.use(
        '/metrics',
        bearerAuth({
          token: options.metricsToken,
          noAuthenticationHeader: refuse('/metrics needs the header Authorization: Bearer <the metrics token>'),
          invalidAuthenticationHeader: refuse('the Authorization header must be Bearer <the metrics token>'),
          invalidToken: refuse('that is not the metrics token'),
        }),
      );
    }
    app.get('/metrics', async (c) => {
      const { contentType, text } = await metrics.render();
      return c.body(text, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
    });
  }
  app.get('/healthz', (c) => c.json({ ok: true }));

  const api = new Hono<{ Variables: AuthVariables }>();
  // A built course bundle is large (the sample course is about 300 KB); every other body is small.
  const limitBody = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => c.json({ error: `the request body is larger than ${Math.round(maxSize / 1024)} KB` }, 413) });
  const uploadLimit = limitBody(options.limits?.uploadBytes ?? 20 * 1024 * 1024);
  const bodyLimitFor = limitBody(options.limits?.bodyBytes ?? 256 * 1024);
  api.use((c, next) => (c.req.method === 'POST' && c.req.path === '/api/teacher/courses' ? uploadLimit(c, next) : bodyLimitFor(c, next)));
  api.use(csrf()); // cookie-authenticated writes must come from this origin
  api.use(loadAccount(accounts));
  api.use('/auth/*', async (c, next) => {
    if (c.req.method !== 'POST' && c.req.method !== 'DELETE') return next(); // every request that checks a password or starts a session
    const limited = await signIns.consume(address(c.req.raw)).then(() => false, () => true);
    if (limited) return c.json({ error: 'too many sign-in attempts from this address; wait a minute and try again' }, 429, { 'retry-after': '60' });
    return next();
  });
  api.use(async (c, next) => {
    const who = c.get('account')?.id ?? address(c.req.raw);
    const limited = await requests.consume(who).then(() => false, () => true);
    if (limited) return c.json({ error: 'too many requests; wait a minute and try again' }, 429, { 'retry-after': '60' });
    return next();
  });
  api.route('/auth', authRoutes({ accounts, setupTokenHash: options.setupTokenHash, guestMode: options.guestMode ?? true }));
  api.route('/teacher', teacherRoutes(context));
  api.route('/admin', adminRoutes(context));
  api.route('/invites', inviteRoutes(context));
  api.route('/', learnerRoutes(context));

  app.route('/api', api);
  if (options.webApp) app.use(serveWebApp(options.webApp));
  app.notFound((c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 403) return c.json({ error: 'this request came from another site; Primer accepts changes only from its own pages' }, 403);
    if (error instanceof HTTPException && error.res) return error.getResponse(); // a middleware's own answer (the metrics token's 401 and its challenge)
    if (error instanceof HTTPException) return c.json({ error: error.message || 'the request was refused' }, error.status);
    console.error(error);
    return c.json({ error: 'something went wrong on the server; try again, and tell the operator if it keeps happening' }, 500);
  });
  return app;
}
