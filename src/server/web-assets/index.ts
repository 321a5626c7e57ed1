// The web app as the server serves it: static files with an SPA fallback, built on first run.
export { serveWebApp, type WebAppSource } from './serve-web-app.js';
export { buildWebApp, type BuildWebAppOptions } from './build-web-app.js';
export { webAppNotBuiltPage } from './web-app-not-built-page.js';
