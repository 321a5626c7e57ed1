// The instant model's own time to first token, measured alone (no Primer in between), so the bench
// can report only the time Primer adds.
import { request as httpRequest } from 'node:http';
import { performance } from 'node:perf_hooks';

/** Sends `count` streaming chat-completion requests one after another; p50 and p99 of the time to the first content delta. */
export async function measureModelFirstToken(baseURL: string, count: number): Promise<{ p50Ms: number; p99Ms: number }> {
  const times: number[] = [];
  const body = JSON.stringify({ model: 'instant', stream: true, messages: [{ role: 'user', content: 'Where do I start?' }] });
  for (let index = 0; index < count; index++) times.push(await firstToken(`${baseURL}/chat/completions`, body));
  times.sort((a, b) => a - b);
  return { p50Ms: times[Math.floor(count * 0.5)]!, p99Ms: times[Math.min(count - 1, Math.floor(count * 0.99))]! };
}

function firstToken(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = performance.now();
    let text = '';
    let firstMs: number | undefined;
    const outgoing = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (incoming) => {
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => {
        text += chunk;
        if (firstMs === undefined && text.includes('"content":"')) firstMs = performance.now() - sent;
      });
      incoming.on('end', () => (firstMs === undefined ? reject(new Error(`the instant model sent no content: ${text.slice(0, 200)}`)) : resolve(firstMs)));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
