import { describe, expect, it } from 'vitest';
import { createUuidV7 } from './create-uuid-v7.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createUuidV7', () => {
  it('encodes the time in the first 48 bits, with version 7 and the RFC variant', () => {
    const newId = createUuidV7({ now: () => Date.parse('2026-01-05T10:00:00.123Z'), fillRandom: (bytes) => bytes.fill(0xab) });
    const id = newId();
    expect(id).toMatch(uuid);
    expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(Date.parse('2026-01-05T10:00:00.123Z'));
  });

  it('keeps ids strictly increasing within a millisecond and when the clock steps back', () => {
    let now = 1_000_000;
    const newId = createUuidV7({ now: () => now, fillRandom: (bytes) => bytes.fill(0xff) });
    const ids: string[] = [];
    for (let index = 0; index < 5000; index += 1) {
      if (index === 2500) now -= 10; // an NTP correction
      ids.push(newId());
    }
    expect(ids.every((id) => uuid.test(id))).toBe(true);
    expect(ids.every((id, index) => index === 0 || ids[index - 1]! < id)).toBe(true);
  });

  it('differs between generators that share a millisecond', () => {
    const a = createUuidV7({ now: () => 5 })();
    const b = createUuidV7({ now: () => 5 })();
    expect(a).not.toBe(b);
  });
});
