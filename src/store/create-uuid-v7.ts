// Time-ordered ids (RFC 9562 UUID version 7) from an injected clock and random source.
// Ids from one generator strictly increase, even within one millisecond (a 12-bit counter
// in rand_a, method 1 of the RFC), so sorting ids sorts events by creation.
import { randomFillSync } from 'node:crypto';

export interface UuidV7Sources {
  /** Milliseconds since the Unix epoch. */
  now: () => number;
  /** Fills the array with random bytes. */
  fillRandom?: (bytes: Uint8Array) => void;
}

/**
 * @example const newId = createUuidV7({ now: () => clock.now().getTime() }); newId() // '019abc…-7…'
 */
export function createUuidV7({ now, fillRandom = (bytes) => randomFillSync(bytes) }: UuidV7Sources): () => string {
  let lastMs = -1;
  let counter = 0;
  const random = new Uint8Array(10);
  return () => {
    fillRandom(random);
    let ms = Math.max(Math.floor(now()), 0);
    if (ms > lastMs) {
      lastMs = ms;
      counter = ((random[0]! << 4) | (random[1]! >> 4)) & 0x7ff; // random start, top bit clear: room to count
    } else {
      ms = lastMs; // the clock stood still or stepped back: keep order
      counter += 1;
      if (counter > 0xfff) {
        lastMs += 1;
        ms = lastMs;
        counter = 0;
      }
    }
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 6; i += 1) bytes[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | (random[2]! & 0x3f);
    bytes.set(random.subarray(3, 10), 9);
    const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
