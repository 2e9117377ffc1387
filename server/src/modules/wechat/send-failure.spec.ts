import { describe, expect, it } from '@jest/globals';
import { classifySendFailure, isTokenRejection } from './send-failure';
import { WechatApiError, WechatTransportError } from './wechat.errors';

const api = (errcode: number) => new WechatApiError('subscribe_send', errcode, 'message rid: 1-2-3');

describe(classifySendFailure.name, () => {
  it.each([-1, 45009, 45011, 40001, 42001, 99999])('retries errcode %i', (errcode) => {
    expect(classifySendFailure(api(errcode))).toEqual({
      kind: 'retry',
      reason: expect.stringContaining(`errcode ${errcode}`),
    });
  });

  it('treats 43101 as the user refusing, never retried', () => {
    expect(classifySendFailure(api(43101)).kind).toBe('refused');
  });

  it.each([47003, 40003, 40037, 41030])(
    'does not retry errcode %i: the message itself is wrong',
    (errcode) => {
      expect(classifySendFailure(api(errcode)).kind).toBe('rejected');
    },
  );

  it('retries timeouts, dropped connections and 5xx answers', () => {
    for (const reason of ['timed out', 'HTTP 502', 'SocketError: other side closed']) {
      expect(classifySendFailure(new WechatTransportError('subscribe_send', reason))).toEqual({
        kind: 'retry',
        reason: `WeChat subscribe_send failed: ${reason}`,
      });
    }
  });
});

describe(isTokenRejection.name, () => {
  it('recognises an invalid or expired access token only', () => {
    expect(isTokenRejection(api(40001))).toBe(true);
    expect(isTokenRejection(api(42001))).toBe(true);
    expect(isTokenRejection(api(-1))).toBe(false);
    expect(isTokenRejection(new Error('x'))).toBe(false);
  });
});
