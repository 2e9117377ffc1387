import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { ErrorCode, type ErrorBody } from '@careerside/shared';
import type { AdvisorEntity } from '../../src/modules/advisors/advisor.entity';
import { advisorFactory } from '../factories/booking.factory';
import type { ApiClient } from '../support/api-client';
import { signInStudent } from '../support/booking';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { pngText, WechatStandin } from '../support/wechat-standin';

async function pngOf(
  t: TestApp,
  path: string,
  token?: string,
): Promise<{ status: number; type: string | null; png: Buffer }> {
  const response = await fetch(t.api.url(path), {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    png: Buffer.from(await response.arrayBuffer()),
  };
}

/** What a phone camera would read from the picture. */
function decode(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

describe('QR codes, mini-program codes and door posters', () => {
  let t: TestApp;
  let wechat: WechatStandin;
  let advisor: AdvisorEntity;
  let adminToken: string;
  let student: ApiClient;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
    t = await startTestApp({
      env: {
        PUBLIC_URL: 'https://careers.example.edu.cn',
        WECHAT_API_BASE: wechat.url,
        WECHAT_APPID: wechat.appId,
        WECHAT_SECRET: wechat.secret,
      },
    });
    advisor = await advisorFactory.create(t.dataSource, {
      id: 'advisor-qr',
      name: '王老师',
      location: '学生活动中心 305',
    });
    adminToken = (await signIn(t.api, 'admin')).token;
    student = (await signInStudent(t.api)).api;
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });

  it("answers a PNG that decodes to the advisor's booking page under PUBLIC_URL, without sign-in", async () => {
    const { status, type, png } = await pngOf(t, 'advisors/advisor-qr/qrcode');
    expect(status).toBe(200);
    expect(type).toBe('image/png');
    expect(decode(png)).toBe(
      'https://careers.example.edu.cn/subpackages/booking/pages/advisor/index?id=advisor-qr',
    );
    const bySize = await pngOf(t, `advisors/${advisor.shortCode}/qrcode?size=256`);
    expect(PNG.sync.read(bySize.png).width).toBe(256);
    expect(decode(bySize.png)).toContain('id=advisor-qr');
    expect((await pngOf(t, 'advisors/nobody/qrcode')).status).toBe(404);
    expect((await pngOf(t, 'advisors/advisor-qr/qrcode?size=5')).status).toBe(400);
  });

  it('has one for the center that opens the advisor list', async () => {
    const { status, png } = await pngOf(t, 'center/qrcode');
    expect(status).toBe(200);
    expect(decode(png)).toBe('https://careers.example.edu.cn/pages/booking/index');
  });

  it('fetches the mini-program code through getwxacodeunlimit with a short scene, once per advisor', async () => {
    const first = await pngOf(t, 'advisors/advisor-qr/mini-program-code', adminToken);
    expect(first.status).toBe(200);
    expect(first.type).toBe('image/png');
    const generated = wechat.generatedQrCodes();
    expect(generated).toHaveLength(1);
    expect(generated[0].scene).toBe(`a=${advisor.shortCode}`);
    expect(generated[0].scene.length).toBeLessThanOrEqual(32);
    expect(generated[0].page).toBe('subpackages/booking/pages/advisor/index');
    expect(pngText(first.png)).toEqual({
      scene: `a=${advisor.shortCode}`,
      page: 'subpackages/booking/pages/advisor/index',
    });
    const request = wechat.requests('/wxa/getwxacodeunlimit')[0];
    expect(request.query.access_token).toMatch(/^stable-/);

    await pngOf(t, 'advisors/advisor-qr/mini-program-code', adminToken);
    expect(wechat.generatedQrCodes()).toHaveLength(1);
    expect((await student.get<ErrorBody>('advisors/advisor-qr/mini-program-code')).status).toBe(403);
  });

  it('has a mini-program code for the center too, scene c=1 on the booking tab, for staff', async () => {
    const before = wechat.generatedQrCodes().length;
    const code = await pngOf(t, 'center/mini-program-code', adminToken);
    expect([code.status, code.type]).toEqual([200, 'image/png']);
    const generated = wechat.generatedQrCodes().slice(before);
    expect(generated.map(({ scene, page }) => ({ scene, page }))).toEqual([
      { scene: 'c=1', page: 'pages/booking/index' },
    ]);
    expect(pngText(code.png)).toEqual({ scene: 'c=1', page: 'pages/booking/index' });
    expect((await student.get<ErrorBody>('center/mini-program-code')).status).toBe(403);
  });

  it('replaces a rejected access token once, and answers 503 when WeChat refuses', async () => {
    const other = await advisorFactory.create(t.dataSource);
    wechat.expireAccessTokens();
    const retried = await pngOf(t, `advisors/${other.id}/mini-program-code`, adminToken);
    expect(retried.status).toBe(200);
    const third = await advisorFactory.create(t.dataSource);
    wechat.failNext('/wxa/getwxacodeunlimit', { kind: 'errcode', errcode: 45009 });
    const refused = await t.api.get<ErrorBody>(`advisors/${third.id}/mini-program-code`, {
      token: adminToken,
    });
    expect([refused.status, refused.body.code]).toEqual([503, ErrorCode.MiniProgramCodeUnavailable]);
  });

  it('renders an A4 door poster whose code scans to the booking page', async () => {
    const poster = await pngOf(t, 'advisors/advisor-qr/poster', adminToken);
    expect(poster.status).toBe(200);
    const image = PNG.sync.read(poster.png);
    expect([image.width, image.height]).toEqual([1240, 1754]);
    expect(decode(poster.png)).toBe(
      'https://careers.example.edu.cn/subpackages/booking/pages/advisor/index?id=advisor-qr',
    );
    // The header band is the center's blue.
    const at = (x: number, y: number) =>
      Array.from(image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3));
    expect(at(10, 10)).toEqual([0x1f, 0x4e, 0x96]);
    expect((await student.get('advisors/advisor-qr/poster')).status).toBe(403);
  });

  it("gives a counselor their own advisor's poster and code only, without spending WeChat's quota on others", async () => {
    const own = await signIn(t.api, 'counselor', { advisorId: 'advisor-qr' });
    const colleague = await advisorFactory.create(t.dataSource, { name: '李老师' });
    const unbound = await signIn(t.api, 'counselor');
    expect((await pngOf(t, 'advisors/advisor-qr/poster', own.token)).status).toBe(200);
    expect((await pngOf(t, `advisors/${advisor.shortCode}/mini-program-code`, own.token)).status).toBe(200);

    const before = wechat.generatedQrCodes().length;
    for (const counselor of [own, unbound]) {
      for (const path of [`advisors/${colleague.id}/poster`, `advisors/${colleague.id}/mini-program-code`]) {
        const refused = await counselor.api.get<ErrorBody>(path);
        expect([refused.status, refused.body.code]).toEqual([403, ErrorCode.NotOwnAdvisor]);
      }
    }
    const chinese = await own.api.get<ErrorBody>(`advisors/${colleague.id}/poster`, {
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(chinese.body.message).toMatch(/本人/);
    expect(wechat.generatedQrCodes()).toHaveLength(before);
    // Staff still print anyone's.
    expect((await pngOf(t, `advisors/${colleague.id}/poster`, adminToken)).status).toBe(200);
  });
});
