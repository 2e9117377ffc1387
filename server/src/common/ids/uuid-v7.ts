import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;
let lastMs = -1;
let sequence = 0;

/**
 * RFC 9562 UUIDv7: 48 bits of Unix milliseconds, then a 12-bit counter and 62 random bits. Ids made by one
 * process sort in creation order (the counter keeps order within a millisecond), so rows keyed by them
 * append to a B-tree instead of splitting pages at random, and they sort by time as plain strings.
 */
export function uuidV7(now: number = Date.now()): string {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;

  let ms = now;
  if (ms > lastMs) {
    lastMs = ms;
    sequence = bytes[6] & 0x07;
  } else {
    // Same (or an earlier) millisecond: count up; on overflow borrow the next millisecond.
    ms = lastMs;
    sequence += 1;
    if (sequence > 0xfff) {
      lastMs += 1;
      ms = lastMs;
      sequence = 0;
    }
  }
  const out = Buffer.from(bytes);
  out.writeUIntBE(ms, 0, 6);
  out[6] = 0x70 | (sequence >> 8);
  out[7] = sequence & 0xff;
  out[8] = (out[8] & 0x3f) | 0x80;

  let id = '';
  for (let i = 0; i < 16; i += 1) {
    if (i === 4 || i === 6 || i === 8 || i === 10) id += '-';
    id += HEX[out[i]];
  }
  return id;
}
