import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from './idempotency.service';

describe(canonicalJson.name, () => {
  it('is the same for the same request whatever the key order, and differs for another request', () => {
    expect(canonicalJson({ slotId: 'a', topic: 'resume', note: undefined })).toBe(
      canonicalJson({ topic: 'resume', slotId: 'a' }),
    );
    expect(canonicalJson({ a: [2, { y: 1, x: 2 }] })).toBe('{"a":[2,{"x":2,"y":1}]}');
    expect(canonicalJson({ slotId: 'a', topic: 'resume' })).not.toBe(
      canonicalJson({ slotId: 'b', topic: 'resume' }),
    );
  });
});
