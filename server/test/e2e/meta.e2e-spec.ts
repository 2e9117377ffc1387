import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type MetaResponse, TAXONOMIES, type TaxonomyName } from '@careerside/shared';
import { startTestApp, type TestApp } from '../support/test-app';

describe('GET /api/meta', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { CENTER_TIMEZONE: 'Asia/Urumqi' } });
  });
  afterAll(() => t.close());

  const expectLabels = (body: MetaResponse, locale: 'zh-CN' | 'en-US') => {
    for (const name of Object.keys(TAXONOMIES) as TaxonomyName[]) {
      expect(body[name]).toEqual(
        TAXONOMIES[name].map((entry) => ({ code: entry.code, label: entry.label[locale] })),
      );
    }
  };

  it('answers every shared taxonomy in Simplified Chinese by default, without a token', async () => {
    const response = await t.api.get<MetaResponse>('meta');
    expect(response.status).toBe(200);
    expect(response.body.locale).toBe('zh-CN');
    expectLabels(response.body, 'zh-CN');
    expect(response.body.keySectors.find((entry) => entry.code === 'aerospace')?.label).toBe('航空航天');
    expect(response.body.timezone).toBe('Asia/Urumqi');
    // UTC+6 all year (no DST), so the offset the app shows times with is fixed.
    expect(response.body.utcOffsetMinutes).toBe(360);
    expect(response.body.devLogin).toBe(true);
    expect(response.headers.get('vary')).toMatch(/Accept-Language/i);
  });

  it.each(['en-US,en;q=0.9', 'en', 'en-GB'])(
    'answers in English for Accept-Language: %s',
    async (acceptLanguage) => {
      const response = await t.api.get<MetaResponse>('meta', {
        headers: { 'accept-language': acceptLanguage },
      });
      expect(response.body.locale).toBe('en-US');
      expectLabels(response.body, 'en-US');
    },
  );

  it('answers in Chinese for Accept-Language: zh-CN and for languages it does not have', async () => {
    for (const acceptLanguage of ['zh-CN,zh;q=0.9', 'fr-FR']) {
      const response = await t.api.get<MetaResponse>('meta', {
        headers: { 'accept-language': acceptLanguage },
      });
      expect(response.body.locale).toBe('zh-CN');
    }
  });

  it('lets ?lang override the header', async () => {
    const english = await t.api.get<MetaResponse>('meta?lang=en-US', {
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(english.body.locale).toBe('en-US');
    expect(english.body.degrees.find((entry) => entry.code === 'master')?.label).toBe("Master's");
    const chinese = await t.api.get<MetaResponse>('meta?lang=zh-CN', {
      headers: { 'accept-language': 'en-US' },
    });
    expect(chinese.body.locale).toBe('zh-CN');
  });
});
