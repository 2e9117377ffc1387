// Plumbing the H5 end-to-end files share: Chromium through playwright-core, a mobile page that records console
// and page errors (less the failures a step provokes on purpose), screenshots, and the helpers every page step
// uses. Not a test file itself: scripts/test.mjs runs only miniapp/e2e/*.e2e.mjs.
// BASE_URL (default http://127.0.0.1:3000) is the server with the H5 build and the API; CHROMIUM_PATH the browser.
/* global document */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'node:test';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));
export const TIMEOUT = 15_000;
/** A phone, as the mini-program is used. */
export const MOBILE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Lets fonts, images and transitions settle so the picture is what a person sees. */
async function settleBriefly(page) {
  await page.waitForTimeout(400);
}

/**
 * One browser for one e2e file. `page` returns the file's current page (a file may switch to another one, e.g.
 * a desktop context); every helper acts on it. `shotPrefix` starts each screenshot's file name ('booking-'),
 * `chromiumArgs` are added to the launch flags, `settle` runs before each screenshot once the network is idle.
 */
export function h5Session({ page: currentPage, shotPrefix = '', chromiumArgs = [], settle = settleBriefly }) {
  let browser;
  const contexts = [];
  let shotIndex = 0;
  const consoleErrors = [];
  // Failures a step provokes on purpose (a 400 for a bad year, a 401 for a dead token, a dropped connection).
  // Chromium logs each as a console error; only these, by status (or 'network') and path, each once, are not
  // counted as failures.
  const expectedFailures = [];

  function expectFailure(status, path) {
    expectedFailures.push({ status, path });
  }

  // When a step fails, what the browser showed: a screenshot and, in the test log (all CI keeps), the address
  // and the visible text of the page on screen (Taro H5 keeps hidden pages in the DOM).
  afterEach(async (t) => {
    const page = browser ? currentPage() : undefined;
    if (t.passed !== false || !page || page.isClosed()) return;
    try {
      const slug = t.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
      await page.screenshot({ path: join(SHOTS, `${shotPrefix}failed-${slug}.png`) });
      const showing = await page.evaluate(() =>
        [...document.querySelectorAll('.taro_page')]
          .filter((element) => element.checkVisibility())
          .map((element) => element.innerText.replace(/\s+/g, ' ').slice(0, 300)),
      );
      console.log(`failed on ${page.url()}; pages showing: ${JSON.stringify(showing)}`);
    } catch (error) {
      console.log(`failed; no picture of the page: ${error.message}`);
    }
  });

  function onConsoleError(message) {
    const text = message.text();
    const status = text.includes('net::ERR_') ? 'network' : Number(/status of (\d{3})/.exec(text)?.[1]);
    const url = message.location()?.url;
    const path = url ? new URL(url).pathname : null;
    const index = expectedFailures.findIndex((entry) => entry.status === status && entry.path === path);
    if (text.startsWith('Failed to load resource') && index >= 0) {
      expectedFailures.splice(index, 1);
      return;
    }
    consoleErrors.push(`${text}${url ? ` (${url})` : ''}`);
  }

  /** Starts Chromium. Playwright gives it a fresh temporary profile of its own (it refuses --user-data-dir). */
  async function launch() {
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...chromiumArgs] });
  }

  /** A page in a new zh-CN context (`clipboard`: the app may read and write the clipboard) whose errors count. */
  async function newPage(options = MOBILE, { clipboard = false } = {}) {
    const context = await browser.newContext({ ...options, locale: 'zh-CN' });
    contexts.push(context);
    if (clipboard)
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
    const created = await context.newPage();
    created.setDefaultTimeout(TIMEOUT);
    created.on('console', (message) => {
      if (message.type() === 'error') onConsoleError(message);
    });
    created.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
    return created;
  }

  /** Launches Chromium and opens the phone page; the file keeps it as its `page`. */
  async function start({ clipboard = false } = {}) {
    await launch();
    return newPage(MOBILE, { clipboard });
  }

  async function close() {
    for (const context of contexts) await context.close();
    await browser?.close();
  }

  /** The element with this text inside the page that is showing (Taro H5 keeps hidden pages in the DOM). */
  function shown(selector, text) {
    const locator = currentPage().locator(selector).filter({ visible: true });
    return text === undefined ? locator.first() : locator.filter({ hasText: text }).first();
  }

  /**
   * Taro buttons intercept clicks on their label: click the NutUI button element itself. `within` names the
   * page's root class, because during a page transition the previous page is still on screen.
   */
  async function clickButton(text, within = '') {
    const page = currentPage();
    try {
      await shown(`${within} .nut-button`.trim(), text).click();
    } catch (error) {
      await page.screenshot({ path: join(SHOTS, `${shotPrefix}failed-click-${Date.now()}.png`) });
      throw new Error(`${error.message}\n(on ${page.url()})`, { cause: error });
    }
  }

  /** The tab bar item with exactly this label. */
  function tab(label) {
    const page = currentPage();
    return page.locator('.weui-tabbar__item').filter({
      has: page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }),
    });
  }

  async function clickTab(label) {
    await tab(label).click();
  }

  async function expectText(text, selector = 'body') {
    await shown(selector, text).waitFor({ state: 'visible', timeout: TIMEOUT });
  }

  async function expectPath(path) {
    await currentPage().waitForURL((url) => url.pathname === path, { timeout: TIMEOUT });
  }

  /** The next screenshot's file: artifacts/screenshots/<shotPrefix><NN>-<name>.png, numbered in the order taken. */
  function nextShotPath(name) {
    shotIndex += 1;
    return join(SHOTS, `${shotPrefix}${String(shotIndex).padStart(2, '0')}-${name}.png`);
  }

  /** A screenshot once the page has settled (for one taken at once, `page.screenshot` at `nextShotPath`). */
  async function screenshot(name, fullPage = false) {
    const page = currentPage();
    await page.waitForLoadState('networkidle');
    await settle(page);
    await page.screenshot({ path: nextShotPath(name), fullPage });
  }

  /** Lets a toast fade before a screenshot, so the picture shows the page and not the toast over it. */
  async function afterToast() {
    await currentPage().waitForTimeout(1800);
  }

  /** Signs in on the H5 login page (where the app has just sent the browser) with the dev sign-in. */
  async function devSignIn(role, name) {
    await expectPath('/subpackages/auth/pages/login/index');
    await expectText('开发环境登录');
    await shown('.login__role', role).click();
    await shown('.login__dev input').fill(name);
    await clickButton(/^登录$/, '.login__dev');
  }

  /** Signs out through 我的 → 退出登录, as a user would. */
  async function signOut() {
    await currentPage().goto(`${BASE_URL}/pages/me/index`);
    await shown('.menu-list__item', '退出登录').click();
    await shown('.taro-model__confirm', '退出登录').click();
    await expectText('登录后查看你的信息');
  }

  /** Polls `check` until it answers something truthy, for at most `ms`; answers that. */
  async function until(check, what, ms = TIMEOUT) {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
      await currentPage().waitForTimeout(200);
    }
  }

  /** The unread badge Taro H5 draws on the 我的 tab ('' when there is none). */
  async function meBadge() {
    const badge = tab('我的').locator('.weui-badge');
    return (await badge.count()) > 0 && (await badge.first().isVisible())
      ? (await badge.first().innerText()).trim()
      : '';
  }

  /** The API as the app's signed-in user (its token from storage). */
  async function api(method, path, body) {
    return currentPage().evaluate(
      async ({ method, path, body }) => {
        const token = JSON.parse(localStorage.getItem('careerside.token') ?? 'null')?.data;
        const response = await fetch(`/api/${path}`, {
          method,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body ? { 'content-type': 'application/json' } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
        });
        return { status: response.status, body: await response.json() };
      },
      { method, path, body },
    );
  }

  return {
    consoleErrors,
    expectedFailures,
    expectFailure,
    launch,
    start,
    newPage,
    close,
    shown,
    clickButton,
    tab,
    clickTab,
    expectText,
    expectPath,
    nextShotPath,
    screenshot,
    afterToast,
    devSignIn,
    signOut,
    until,
    meBadge,
    api,
  };
}

/** The API as someone else, straight from Node: signs `openid` in as `role` with the dev login first. */
export async function apiAsDevUser(openid, role, method, path, body) {
  const login = await fetch(`${BASE_URL}/api/auth/dev-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid, role }),
  }).then((response) => response.json());
  const response = await fetch(`${BASE_URL}/api/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${login.token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
}
