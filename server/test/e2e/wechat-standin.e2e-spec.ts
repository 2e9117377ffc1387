import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { pngText, WechatStandin } from '../support/wechat-standin';

// The stand-in is what every WeChat test trusts, so it is held to the documented behaviour too.
describe(WechatStandin.name, () => {
  let wechat: WechatStandin;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
  });
  afterAll(() => wechat.close());
  beforeEach(() => wechat.reset());

  const getJson = async (path: string, query: Record<string, string>) => {
    const response = await fetch(`${wechat.url}${path}?${new URLSearchParams(query).toString()}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      json: (await response.json()) as Record<string, unknown>,
    };
  };
  const postJson = async (path: string, query: Record<string, string>, body: unknown) => {
    const response = await fetch(`${wechat.url}${path}?${new URLSearchParams(query).toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return response;
  };
  const credentials = () => ({ appid: wechat.appId, secret: wechat.secret });
  const accessToken = async () => {
    const response = await postJson(
      '/cgi-bin/stable_token',
      {},
      { grant_type: 'client_credential', ...credentials() },
    );
    return ((await response.json()) as { access_token: string }).access_token;
  };

  describe('GET /sns/jscode2session', () => {
    const exchange = (code: string, overrides: Record<string, string> = {}) =>
      getJson('/sns/jscode2session', {
        ...credentials(),
        js_code: code,
        grant_type: 'authorization_code',
        ...overrides,
      });

    it('answers an issued code once, as text/plain JSON like WeChat', async () => {
      const code = wechat.issueCode('o-1', { unionid: 'u-1' });
      const first = await exchange(code);
      expect(first.type).toMatch(/^text\/plain/);
      expect(first.json).toEqual({ openid: 'o-1', unionid: 'u-1', session_key: wechat.sessionKeyOf('o-1') });
      expect((await exchange(code)).json.errcode).toBe(40163);
    });

    it.each([
      [{ js_code: 'unknown' }, 40029],
      [{ appid: 'wx-wrong' }, 40013],
      [{ secret: 'wrong' }, 40125],
      [{ grant_type: 'password' }, 40002],
    ])('answers %j with errcode %i and a rid', async (overrides, errcode) => {
      const response = await exchange(wechat.issueCode('o-2'), overrides);
      expect(response.status).toBe(200);
      expect(response.json.errcode).toBe(errcode);
      expect(response.json.errmsg).toMatch(/ rid: [0-9a-f]+-[0-9a-f]+-[0-9a-f]+$/);
    });
  });

  describe('access tokens', () => {
    it('hands out the same stable token until force_refresh, valid for 7200 s', async () => {
      const body = { grant_type: 'client_credential', ...credentials() };
      const first = (await (await postJson('/cgi-bin/stable_token', {}, body)).json()) as Record<
        string,
        unknown
      >;
      const second = (await (await postJson('/cgi-bin/stable_token', {}, body)).json()) as Record<
        string,
        unknown
      >;
      expect(second.access_token).toBe(first.access_token);
      expect(first.expires_in).toBeGreaterThan(7100);
      const refreshed = (await (
        await postJson('/cgi-bin/stable_token', {}, { ...body, force_refresh: true })
      ).json()) as Record<string, unknown>;
      expect(refreshed.access_token).not.toBe(first.access_token);
      const bad = (await (
        await postJson('/cgi-bin/stable_token', {}, { ...body, secret: 'x' })
      ).json()) as Record<string, unknown>;
      expect(bad.errcode).toBe(40125);
    });

    it('issues tokens from GET /cgi-bin/token and checks the secret', async () => {
      const ok = await getJson('/cgi-bin/token', { grant_type: 'client_credential', ...credentials() });
      expect(ok.json).toEqual({ access_token: expect.any(String), expires_in: 7200 });
      const bad = await getJson('/cgi-bin/token', {
        grant_type: 'client_credential',
        appid: wechat.appId,
        secret: 'x',
      });
      expect(bad.json.errcode).toBe(40125);
    });
  });

  describe('POST /cgi-bin/message/subscribe/send', () => {
    const message = {
      touser: 'o-1',
      template_id: 'tpl-1',
      page: 'pages/home/index',
      data: { thing1: { value: '生涯规划' } },
    };

    it('records a valid message and answers errcode 0', async () => {
      const response = await postJson(
        '/cgi-bin/message/subscribe/send',
        { access_token: await accessToken() },
        message,
      );
      expect(await response.json()).toEqual({ errcode: 0, errmsg: 'ok' });
      expect(wechat.sentMessages()).toEqual([
        expect.objectContaining({
          touser: 'o-1',
          templateId: 'tpl-1',
          data: message.data,
          miniprogramState: 'formal',
        }),
      ]);
    });

    it('answers 40001 for an unknown token and 42001 for an expired one', async () => {
      const unknown = await postJson('/cgi-bin/message/subscribe/send', { access_token: 'nope' }, message);
      expect(((await unknown.json()) as { errcode: number }).errcode).toBe(40001);
      const token = await accessToken();
      wechat.expireAccessTokens();
      const expired = await postJson('/cgi-bin/message/subscribe/send', { access_token: token }, message);
      expect(((await expired.json()) as { errcode: number }).errcode).toBe(42001);
      expect(wechat.sentMessages()).toEqual([]);
    });

    it('checks the message fields', async () => {
      const token = await accessToken();
      const cases: [unknown, number][] = [
        [{ ...message, touser: '' }, 40003],
        [{ ...message, template_id: undefined }, 40037],
        [{ ...message, data: { thing1: { value: '' } } }, 47003],
        [{ ...message, data: { thing1: { value: '字'.repeat(21) } } }, 47003],
        [{ ...message, data: { time2: { value: '明天上午' } } }, 47003],
        [{ ...message, page: '/pages/home/index' }, 41030],
      ];
      for (const [body, errcode] of cases) {
        const response = await postJson('/cgi-bin/message/subscribe/send', { access_token: token }, body);
        expect(((await response.json()) as { errcode: number }).errcode).toBe(errcode);
      }
    });
  });

  describe('POST /wxa/getwxacodeunlimit', () => {
    it('answers a PNG that carries the scene', async () => {
      const response = await postJson(
        '/wxa/getwxacodeunlimit',
        { access_token: await accessToken() },
        {
          scene: 'a=advisor-1',
          page: 'subpackages/booking/pages/advisor/index',
          check_path: false,
        },
      );
      expect(response.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await response.arrayBuffer());
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(pngText(png)).toEqual({ scene: 'a=advisor-1', page: 'subpackages/booking/pages/advisor/index' });
    });

    it.each([
      [{ scene: 'x'.repeat(33) }, 40169],
      [{ scene: '中文' }, 40169],
      [{ scene: 'ok', page: '/pages/home/index' }, 41030],
      [{ scene: 'ok', width: 100 }, 40097],
    ])('answers %j with errcode %i', async (body, errcode) => {
      const response = await postJson('/wxa/getwxacodeunlimit', { access_token: await accessToken() }, body);
      expect(response.headers.get('content-type')).toMatch(/json/);
      expect(((await response.json()) as { errcode: number }).errcode).toBe(errcode);
    });
  });

  describe('faults', () => {
    it('applies queued faults to the next requests of that path only, in order', async () => {
      wechat.failNext('/cgi-bin/token', { kind: 'errcode', errcode: -1 }, 2);
      wechat.failNext('/cgi-bin/token', { kind: 'http', status: 500 });
      const query = { grant_type: 'client_credential', ...credentials() };
      expect((await getJson('/cgi-bin/token', query)).json.errcode).toBe(-1);
      expect(
        (
          await getJson('/sns/jscode2session', {
            ...credentials(),
            js_code: 'x',
            grant_type: 'authorization_code',
          })
        ).json.errcode,
      ).toBe(40029);
      expect((await getJson('/cgi-bin/token', query)).json.errcode).toBe(-1);
      expect(
        (await fetch(`${wechat.url}/cgi-bin/token?${new URLSearchParams(query).toString()}`)).status,
      ).toBe(500);
      expect((await getJson('/cgi-bin/token', query)).json.access_token).toEqual(expect.any(String));
      expect(wechat.requests('/cgi-bin/token')).toHaveLength(4);
    });

    it('keeps a rule on every matching request until it is removed', async () => {
      const token = await accessToken();
      const send = (touser: string) =>
        postJson(
          '/cgi-bin/message/subscribe/send',
          { access_token: token },
          { touser, template_id: 'tpl', data: { thing1: { value: 'x' } } },
        ).then(async (response) => ((await response.json()) as { errcode: number }).errcode);
      const rule = wechat.addRule({
        path: '/cgi-bin/message/subscribe/send',
        fault: { kind: 'errcode', errcode: -1 },
        when: (request) => (request.body as { touser?: string }).touser === 'o-busy',
      });
      expect([await send('o-busy'), await send('o-busy'), await send('o-fine')]).toEqual([-1, -1, 0]);
      wechat.removeRule(rule);
      expect(await send('o-busy')).toBe(0);
      wechat.refuse('o-refused');
      expect(await send('o-refused')).toBe(43101);
      expect(wechat.sentCounts((message) => message.touser)).toEqual(
        new Map([
          ['o-fine', 1],
          ['o-busy', 1],
        ]),
      );
    });

    it('swallows a request that hangs: no answer, and no message sent', async () => {
      wechat.addRule({ path: '/cgi-bin/message/subscribe/send', fault: { kind: 'hang' } });
      await expect(
        fetch(`${wechat.url}/cgi-bin/message/subscribe/send?access_token=${await accessToken()}`, {
          method: 'POST',
          body: JSON.stringify({ touser: 'o', template_id: 't', data: { thing1: { value: 'x' } } }),
          signal: AbortSignal.timeout(200),
        }),
      ).rejects.toThrow();
      expect(wechat.sentMessages()).toEqual([]);
      expect(wechat.requests('/cgi-bin/message/subscribe/send')).toHaveLength(1);
    });

    it('acts on a slow request at once but answers late', async () => {
      wechat.setLatency('/cgi-bin/message/subscribe/send', 300);
      const started = Date.now();
      const answer = postJson(
        '/cgi-bin/message/subscribe/send',
        { access_token: await accessToken() },
        { touser: 'o', template_id: 't', data: { thing1: { value: 'x' } } },
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(wechat.sentMessages()).toHaveLength(1);
      await answer;
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });

    it('forgets every access token on invalidateAccessTokens (40001)', async () => {
      const token = await accessToken();
      wechat.invalidateAccessTokens();
      const response = await postJson(
        '/cgi-bin/message/subscribe/send',
        { access_token: token },
        { touser: 'o', template_id: 't', data: { thing1: { value: 'x' } } },
      );
      expect(((await response.json()) as { errcode: number }).errcode).toBe(40001);
      expect(await accessToken()).not.toBe(token);
    });

    it('drops the connection or answers late', async () => {
      wechat.failNext('/cgi-bin/token', { kind: 'drop' });
      await expect(fetch(`${wechat.url}/cgi-bin/token`)).rejects.toThrow();
      wechat.failNext('/cgi-bin/token', { kind: 'delay', ms: 200 });
      const started = Date.now();
      await fetch(
        `${wechat.url}/cgi-bin/token?grant_type=client_credential&appid=${wechat.appId}&secret=${wechat.secret}`,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    });
  });
});
