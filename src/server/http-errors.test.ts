import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validate } from './http-errors.js';

const schema = z.object({
  turnId: z.string().regex(/^\w+$/, 'expected a turn id of letters and digits'),
  text: z.string().min(1).max(10),
  count: z.number().int().min(1).optional(),
  tags: z.array(z.string()).max(2).optional(),
  language: z.enum(['en', 'fr']).optional(),
  action: z.discriminatedUnion('type', [z.object({ type: z.literal('message') }), z.object({ type: z.literal('hint'), exercise: z.string() })]).optional(),
});
const app = new Hono().post('/', validate('json', schema), (c) => c.json({ ok: true }));
const refusal = async (body: unknown) => {
  const response = await app.request('/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(400);
  return ((await response.json()) as { error: string }).error;
};

describe('a request body that does not fit its schema', () => {
  it('gets a 400 that names the field and says, in plain words, what was expected and what came', async () => {
    expect(await refusal({ text: 'hi' })).toBe('turnId: missing; expected a string');
    expect(await refusal({ turnId: 'a', text: 5 })).toBe('text: expected a string, got 5');
    expect(await refusal({ turnId: 'a', text: '' })).toBe('text: must not be empty');
    expect(await refusal({ turnId: 'a', text: 'a'.repeat(11) })).toBe('text: must be at most 10 characters long');
    expect(await refusal({ turnId: 'a', text: 'hi', count: 1.5 })).toBe('count: expected a whole number, got 1.5');
    expect(await refusal({ turnId: 'a', text: 'hi', count: 0 })).toBe('count: must be at least 1');
    expect(await refusal({ turnId: 'a', text: 'hi', tags: ['a', 'b', 'c'] })).toBe('tags: must have at most 2 items');
    expect(await refusal({ turnId: 'a', text: 'hi', tags: 'a' })).toBe('tags: expected a list, got "a"');
    expect(await refusal({ turnId: 'a', text: 'hi', language: 'de' })).toBe('language: expected one of "en", "fr"');
    expect(await refusal({ turnId: 'a', text: 'hi', action: { type: 'dance' } })).toBe('action.type: expected one of "message", "hint"');
    expect(await refusal({ turnId: 'a', text: 'hi', action: { type: 'hint' } })).toBe('action.exercise: missing; expected a string');
    expect(await refusal({ turnId: 'a b', text: 'hi' })).toBe('turnId: expected a turn id of letters and digits'); // the schema's own words stay
    expect(await refusal(['a list'])).toBe('expected an object, got a list');
  });
});
