import { afterAll, describe, expect, it } from 'vitest';
import { createServerTestKit } from '../testing/server-test-kit.js';

const open = await createServerTestKit();
const guarded = await createServerTestKit({ app: { metricsToken: 'scrape-me-7f3a' } });
afterAll(async () => {
  await open.close();
  await guarded.close();
});

describe('/metrics', () => {
  it('is open by default, for a proxy to restrict', async () => {
    const response = await open.app.request('/metrics');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('primer_http_responses_total');
  });

  it('with a metrics token, answers only a scraper that sends it, and says why to one that does not', async () => {
    const scraped = await guarded.app.request('/metrics', { headers: { authorization: 'Bearer scrape-me-7f3a' } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('primer_http_responses_total');
    const bare = await guarded.app.request('/metrics');
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await bare.json()).toEqual({ error: '/metrics needs the header Authorization: Bearer <the metrics token>' });
    const wrong = await guarded.app.request('/metrics', { headers: { authorization: 'Bearer guess' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: 'that is not the metrics token' });
    expect((await guarded.app.request('/healthz')).status).toBe(200); // the health check stays open
  });
});
