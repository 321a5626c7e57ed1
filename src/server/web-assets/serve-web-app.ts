// Serves the built web app (web/dist): hashed files under /assets/ cached for a year, everything
// else revalidated, and index.html for any other page (the React router takes it from there).
// Paths the server owns (/api, /metrics, /healthz) are never answered here.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { webAppNotBuiltPage } from './web-app-not-built-page.js';

/** Where the web app comes from: a built folder holding index.html, or none (a page says how to build it). */
export type WebAppSource = { root: string } | { root: null; reason: string };

const serverPaths = /^\/(api|metrics|healthz)(\/|$)/;
const hashedAssets = /^\/assets\//;
const longCache = 'public, max-age=31536000, immutable';

/** A middleware to mount last: answers GET and HEAD for the web app, passes everything else on. */
export function serveWebApp(source: WebAppSource): MiddlewareHandler {
  if (source.root === null) {
    const page = webAppNotBuiltPage(source.reason);
    return async (c, next) => (isPage(c) ? c.html(page, 200, { 'cache-control': 'no-cache' }) : next());
  }
  const root = path.resolve(source.root);
  const indexFile = path.join(root, 'index.html');
  const staticFiles = serveStatic({ root });
  let index: { mtimeMs: number; html: string } | undefined;
  const indexHtml = async () => {
    const { mtimeMs } = await stat(indexFile); // re-read after a rebuild
    if (index?.mtimeMs !== mtimeMs) index = { mtimeMs, html: await readFile(indexFile, 'utf8') };
    return index.html;
  };
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || serverPaths.test(c.req.path)) return next();
    if (c.req.path === '/' || c.req.path === '/index.html') return c.html(await indexHtml(), 200, { 'cache-control': 'no-cache' });
    c.header('cache-control', hashedAssets.test(c.req.path) ? longCache : 'no-cache');
    const served = await staticFiles(c, async () => {});
    if (served) return served;
    c.header('cache-control', undefined);
    if (isPage(c)) return c.html(await indexHtml(), 200, { 'cache-control': 'no-cache' });
    return next(); // a missing file (a script, an image): the app's 404
  };
}

/** A request for a page rather than a file: no extension on the last segment, or a browser asking for HTML. */
function isPage(c: Context): boolean {
  if (serverPaths.test(c.req.path) || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return false;
  const last = c.req.path.split('/').pop() ?? '';
  return !last.includes('.') || (c.req.header('accept') ?? '').includes('text/html');
}
