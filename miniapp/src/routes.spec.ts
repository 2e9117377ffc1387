import { beforeAll, describe, expect, it } from '@jest/globals';
import { PageRoute, TAB_ORDER, TabRoute, isTabRoute, withQuery } from './routes';

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  tabBar: { list: { pagePath: string }[] };
}

let config: AppConfig;

beforeAll(async () => {
  // app.config.ts calls the global Taro injects at build time.
  (globalThis as { defineAppConfig?: (value: AppConfig) => AppConfig }).defineAppConfig = (value) => value;
  config = ((await import('./app.config')) as { default: AppConfig }).default;
});

describe('routes', () => {
  it('match app.config.ts: tabs in the main package in tab-bar order, other pages in subpackages', () => {
    const main = config.pages.map((page) => `/${page}`);
    expect(main).toEqual(TAB_ORDER.map((tab) => TabRoute[tab]));
    expect(config.tabBar.list.map((item) => `/${item.pagePath}`)).toEqual(main);
    const sub = config.subPackages.flatMap((pkg) => pkg.pages.map((page) => `/${pkg.root}/${page}`));
    expect(sub.sort()).toEqual(Object.values(PageRoute).sort());
  });

  it('tell tab pages apart, with or without a query or leading slash', () => {
    expect(isTabRoute('/pages/me/index')).toBe(true);
    expect(isTabRoute('pages/me/index?from=login')).toBe(true);
    expect(isTabRoute(PageRoute.login)).toBe(false);
  });

  it('build queries, encoding values and skipping undefined ones', () => {
    expect(withQuery(PageRoute.login, { redirect: '/pages/me/index?a=1', reason: undefined })).toBe(
      '/subpackages/auth/pages/login/index?redirect=%2Fpages%2Fme%2Findex%3Fa%3D1',
    );
    expect(withQuery('/pages/home/index', {})).toBe('/pages/home/index');
  });
});
