import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { requestIdFor } from './request-id';

const request = (header?: string | string[]) =>
  ({ headers: header === undefined ? {} : { 'x-request-id': header } }) as IncomingMessage;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe(requestIdFor.name, () => {
  it('keeps a well-formed caller id', () => {
    expect(requestIdFor(request('wx-7f3a:42.1'))).toBe('wx-7f3a:42.1');
    expect(requestIdFor(request(['first', 'second']))).toBe('first');
  });

  it.each([undefined, '', 'has space', 'line\nbreak', 'x'.repeat(129), '<script>'])(
    'generates a UUID for %j',
    (header) => {
      expect(requestIdFor(request(header))).toMatch(UUID);
    },
  );
});
