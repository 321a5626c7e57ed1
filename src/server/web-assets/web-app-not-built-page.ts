// The page shown instead of the web app when web/dist is missing and could not be built.
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!);

export function webAppNotBuiltPage(reason: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Primer: the web app is not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#222}code{background:#f3f3f3;padding:0 .25rem;border-radius:3px}</style></head>
<body>
<h1>Primer is running, but its web app is not built</h1>
<p>${escapeHtml(reason)}</p>
<p>Build it with <code>npm run build:web</code> (it writes <code>web/dist</code>) and reload this page. Restarting with <code>npm start</code> also builds it when needed.</p>
<p>The API is up: <a href="/healthz">/healthz</a> answers, and the terminal commands (<code>primer chat</code>, <code>primer course preview</code>) work without the web app.</p>
</body>
</html>
`;
}
