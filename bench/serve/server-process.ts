// Child process of `npm run bench -- serve`: one Primer server, started with `startServer` exactly as
// `primer serve` does, serving the sample course with guests allowed. Its settings arrive as JSON in
// argv[2] (ServerProcessSettings); it answers { url } over IPC once listening and { stopped } after { stop }.
import { startServer } from '../../src/server/start-server.js';

export interface ServerProcessSettings {
  /** The sample course folder. */
  course: string;
  /** primer.config.yaml pointing every tier at the instant model. */
  config: string;
  /** A folder without index.html, so no web app is built. */
  web: string;
  /** PGlite data folder; or */
  data?: string;
  /** PostgreSQL URL. */
  databaseUrl?: string;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as ServerProcessSettings;
const server = await startServer({
  course: [settings.course],
  config: settings.config,
  ...(settings.data ? { data: settings.data } : {}),
  environment: settings.databaseUrl ? { DATABASE_URL: settings.databaseUrl } : {},
  port: 0,
  web: { built: settings.web },
  log: () => {},
  // 2,000 guests sign in from one address: the per-address sign-in limit and the per-account request
  // limit are lifted through the server's own options; the per-learner turn limit stays at its default.
  app: { limits: { signInPerMinute: 1_000_000, requestsPerMinute: 1_000_000 } },
});
process.send?.({ url: server.url });
process.on('message', (message: { stop?: boolean }) => {
  if (!message.stop) return;
  void server.close().then(() => {
    process.send?.({ stopped: true });
    process.exit(0); // writes the --cpu-prof profile, when asked for one
  });
});
