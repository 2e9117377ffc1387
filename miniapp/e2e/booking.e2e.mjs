// Booking end to end in Chromium against a running server (H5 build + API, demo data seeded):
// BASE_URL=http://127.0.0.1:3000 node --test miniapp/e2e/booking.e2e.mjs
// A student signs in, picks an advisor, books a slot (completing the profile the server asks for), sees the
// confirmation and their appointments, cancels; 扫一扫 by code; an admin opens the staff pages.
// Screenshots land in artifacts/screenshots/ as booking-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));
const TIMEOUT = 15_000;

let browser;
let page;
let shotIndex = 0;
const consoleErrors = [];
const expectedFailures = [];

function expectFailure(status, path) {
  expectedFailures.push({ status, path });
}

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

function shown(selector, text) {
  const locator = page.locator(selector).filter({ visible: true });
  return text === undefined ? locator.first() : locator.filter({ hasText: text }).first();
}

async function clickButton(text, within = '') {
  await shown(`${within} .nut-button`.trim(), text).click();
}

async function clickTab(label) {
  await page
    .locator('.weui-tabbar__item')
    .filter({ has: page.locator('.weui-tabbar__label', { hasText: new RegExp(`^${label}$`) }) })
    .click();
}

async function expectText(text, selector = 'body') {
  await shown(selector, text).waitFor({ state: 'visible', timeout: TIMEOUT });
}

async function expectPath(path) {
  await page.waitForURL((url) => url.pathname === path, { timeout: TIMEOUT });
}

async function screenshot(name) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  shotIndex += 1;
  await page.screenshot({ path: join(SHOTS, `booking-${String(shotIndex).padStart(2, '0')}-${name}.png`) });
}

/** The API as the signed-in browser user. */
async function api(method, path) {
  return page.evaluate(
    async ({ method, path }) => {
      const token = JSON.parse(localStorage.getItem('careerside.token') ?? 'null')?.data;
      const response = await fetch(`/api/${path}`, {
        method,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return { status: response.status, body: await response.json() };
    },
    { method, path },
  );
}

async function devSignIn(role, name) {
  await expectPath('/subpackages/auth/pages/login/index');
  await expectText('开发环境登录');
  await shown('.login__role', role).click();
  await shown('.login__dev input').fill(name);
  await clickButton(/^登录$/, '.login__dev');
}

async function signOut() {
  await page.goto(`${BASE_URL}/pages/me/index`);
  await shown('.menu-list__item', '退出登录').click();
  await shown('.taro-model__confirm', '退出登录').click();
  await expectText('登录后查看你的信息');
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (message) => {
    if (message.type() === 'error') onConsoleError(message);
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
});

after(async () => {
  await browser?.close();
});

describe('booking in the H5 app', { concurrency: false }, () => {
  test('a signed-out visitor is asked to sign in on the booking tab', async () => {
    await page.goto(`${BASE_URL}/pages/booking/index`);
    await expectText('预约咨询', '.booking__title');
    await expectText('登录后即可预约', '.booking__signin');
    await screenshot('tab-signed-out');
    await clickButton('登录', '.booking__signin');
    await devSignIn('学生', '钱同学');
    await expectPath('/pages/booking/index');
    await expectText('王老师', '.advisor-card__name');
  });

  test('the student filters advisors by topic and opens an advisor', async () => {
    await clickTab('预约');
    await expectPath('/pages/booking/index');
    await expectText('王老师', '.advisor-card__name');
    await expectText('最近可约', '.booking__next');
    await screenshot('advisors');
    await shown('.chip', '模拟面试').click();
    // The list keeps showing the last answer until the filtered one arrives: 赵老师 has no interview topic.
    await page.locator('.advisor-card__name', { hasText: '赵老师' }).first().waitFor({ state: 'hidden' });
    await expectText('李老师', '.advisor-card__name');
    await screenshot('advisors-interview');
    await shown('.chip', '全部').click();
    await shown('.advisor-card', '王老师').click();
    await expectPath('/subpackages/booking/pages/advisor/index');
    await expectText('职业生涯规划师', '.advisor-card__title');
    await shown('.slot--available').waitFor();
    await screenshot('advisor-slots');
  });

  test('the student books a slot, completing the profile the server asks for', async () => {
    const slot = shown('.slot-grid__cell.slot--available');
    const time = (await slot.locator('.slot-grid__time').innerText()).trim();
    await slot.click();
    await expectPath('/subpackages/booking/pages/book/index');
    await expectText(time, '.book__when');
    await shown('.chip', '求职策略').click();
    await shown('.book__note textarea').fill('想聊聊秋招的投递策略');
    await screenshot('book-form');

    expectFailure(422, '/api/appointments');
    await clickButton('确认预约', '.book');
    await expectText('请先完善', '.book__problem');
    await screenshot('book-profile-incomplete');
    await clickButton('去完善资料', '.book__problem');
    await expectPath('/subpackages/profile/pages/edit/index');
    await shown('[data-field="college"] input').fill('经济管理学院');
    await shown('.profile-edit__degree', '本科').click();
    await shown('[data-field="graduationYear"] input').fill('2027');
    await clickButton('保存', '.profile-edit');
    await expectPath('/subpackages/booking/pages/book/index');

    await clickButton('确认预约', '.book');
    await expectPath('/subpackages/booking/pages/confirmation/index');
    await expectText('预约成功', '.confirmation__title');
    await expectText('王老师', '.confirmation__card');
    await expectText('求职策略', '.confirmation__card');
    await expectText('网页版不支持微信提醒', '.confirmation__remind');
    await screenshot('confirmation');
  });

  test('my appointments lists it; rescheduling moves it in one step', async () => {
    await clickButton('查看我的预约', '.confirmation');
    await expectPath('/subpackages/booking/pages/appointments/index');
    await expectText('王老师', '.appointment__who');
    await expectText('待参加', '.appointment__status');
    await screenshot('my-appointments');
    const bookedAt = (await shown('.appointment__when').innerText()).trim();

    await clickButton('改期', '.appointment');
    await expectPath('/subpackages/booking/pages/advisor/index');
    // The student's own seat is taken now: that time shows full, with the waitlist offered.
    await expectText('已满', '.slot--full');
    await screenshot('reschedule-pick-full-slot');
    const target = shown('.slot-grid__cell.slot--available');
    const newTime = (await target.locator('.slot-grid__time').innerText()).trim();
    await target.click();
    await expectPath('/subpackages/booking/pages/book/index');
    await expectText(bookedAt.slice(5), '.book__reschedule');
    await screenshot('reschedule-form');
    await clickButton('确认改期', '.book');
    await expectPath('/subpackages/booking/pages/confirmation/index');
    await expectText('改期成功', '.confirmation__title');
    await clickButton('查看我的预约', '.confirmation');
    await expectText(newTime, '.appointment__when');
    assert.equal(await page.locator('.appointment').count(), 1, 'one upcoming appointment after the move');
    const past = await api('GET', 'me/appointments?scope=past');
    assert.deepEqual(
      past.body.items.map((item) => item.status),
      ['cancelled'],
      'the old appointment was cancelled by the move',
    );
    await screenshot('my-appointments-rescheduled');
  });

  test('the check-in result page shows the appointment a scan checked in', async () => {
    // A real check-in needs an appointment starting within 30 minutes, which the 2-hour minimum notice rules
    // out here; the server's side is covered by check-in-feedback.e2e-spec. This draws the page for the
    // answer the server gives, built from the student's real appointment.
    const [appointment] = (await api('GET', 'me/appointments')).body.items;
    await page.route('**/api/check-ins', (route) =>
      route.fulfill({
        status: 201,
        contentType: 'application/json',
        body: JSON.stringify({
          appointment: { ...appointment, checkedInAt: new Date().toISOString() },
          firstCheckIn: true,
        }),
      }),
    );
    try {
      await page.goto(`${BASE_URL}/subpackages/booking/pages/checkin/index?advisor=WANG8K`);
      await expectText('王老师', '.checkin__body');
      await screenshot('checkin-result');
    } finally {
      await page.unroute('**/api/check-ins');
    }
  });

  test('cancelling moves it to the past', async () => {
    await page.goto(`${BASE_URL}/subpackages/booking/pages/appointments/index`);
    await clickButton('取消预约', '.appointment');
    await shown('.taro-model__confirm', '取消预约').click();
    await expectText('还没有预约', '.state-view__title');
    await shown('.chip', '历史').click();
    await expectText('已取消', '.appointment__status');
    // The time the student moved away from says so, rather than looking cancelled.
    await expectText('已改期', '.appointment__status');
    await screenshot('my-appointments-cancelled');
  });

  test('a suspended student sees why and until when', async () => {
    // Three strikes need appointments in the past, which the browser cannot make; the server's side (reason,
    // end date, the refusal) is covered by booking-lifecycle.e2e-spec. This draws the answer it gives.
    const status = (await api('GET', 'me/booking-status')).body;
    const endsAt = new Date(Date.now() + 30 * 86_400_000);
    await page.route('**/api/me/booking-status', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          ...status,
          suspension: {
            reason: ['no_show', 'late_cancellation'],
            startsAt: new Date().toISOString(),
            endsAt: endsAt.toISOString(),
          },
        }),
      }),
    );
    try {
      await page.goto(`${BASE_URL}/subpackages/booking/pages/appointments/index`);
      await expectText('预约功能已暂停', '.appointments__suspended');
      const [year, month, day] = new Date(endsAt.getTime() + 8 * 3_600_000)
        .toISOString()
        .slice(0, 10)
        .split('-')
        .map(Number);
      await expectText(`暂停至 ${year}年${month}月${day}日`, '.appointments__suspended');
      await expectText('原因：爽约、临时取消', '.appointments__suspended-reason');
      await screenshot('suspended');
    } finally {
      await page.unroute('**/api/me/booking-status');
    }
  });

  test('"book an advisor on this topic" on a museum story opens the 预约 tab filtered to that topic', async () => {
    const halls = await api('GET', 'museum/halls');
    let exhibit;
    for (const hall of halls.body.items) {
      for (const card of (await api('GET', `museum/halls/${hall.id}`)).body.exhibits) {
        const detail = await api('GET', `museum/exhibits/${card.id}`);
        if (!exhibit && detail.body.advisingTopic === 'grassroots') exhibit = detail.body;
      }
    }
    assert.ok(exhibit, 'the demo museum has a story on grassroots programmes');
    await page.goto(`${BASE_URL}/subpackages/museum/pages/exhibit/index?id=${exhibit.id}`);
    await shown('[data-action="booking"]').click();
    await expectPath('/pages/booking/index');
    await expectText('基层与西部项目', '.chip--active');
    // 赵老师 is the only demo advisor on grassroots programmes.
    await expectText('赵老师', '.advisor-card__name');
    await page.locator('.advisor-card__name', { hasText: '王老师' }).first().waitFor({ state: 'hidden' });
    assert.equal(await page.locator('.advisor-card').count(), 1);
    await screenshot('from-museum-story');
  });

  test('扫一扫 in the browser takes a poster code and opens the advisor', async () => {
    // Subpackage pages have no tab bar: open the tab the way a shared link would.
    await page.goto(`${BASE_URL}/pages/booking/index`);
    await clickButton('扫一扫', '.booking');
    await expectPath('/subpackages/booking/pages/scan/index');
    await shown('[data-field="code"] input').fill('LI3MQR');
    await screenshot('scan-manual');
    // No appointment with 李老师 today: check-in says so and the advisor page opens instead.
    expectFailure(404, '/api/check-ins');
    await clickButton('打开', '.scan');
    await expectPath('/subpackages/booking/pages/advisor/index');
    await expectText('李老师', '.advisor-card__name');
    await shown('.slot-grid__cell, .slot-grid__group').first().waitFor();
    await screenshot('scan-opened-advisor');

    // WeChat opens a mini-program code's page with its scene: the scan checks in, else the advisor page opens.
    expectFailure(404, '/api/check-ins');
    await page.goto(
      `${BASE_URL}/subpackages/booking/pages/advisor/index?scene=${encodeURIComponent('a=ZHAO5T')}`,
    );
    await expectText('赵老师', '.advisor-card__name');
    assert.equal(new URL(page.url()).searchParams.get('id'), 'ZHAO5T');
  });

  test('an admin manages advisors, weekly rules and closures on the staff pages', async () => {
    await signOut();
    await clickButton(/^登录$/, '.me');
    await devSignIn('管理员', '周主任');
    await expectPath('/pages/me/index');
    await shown('.menu-list__item', '预约管理').click();
    await expectPath('/subpackages/staff/pages/advisors/index');
    await expectText('王老师', '.advisor-card__name');
    await screenshot('staff-advisors');
    // The center's own QR code, for its door: the image loads (a broken one has no natural width).
    const centerQr = shown('.staff__center-qr img');
    await centerQr.scrollIntoViewIfNeeded();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await centerQr.elementHandle());
    await screenshot('staff-center-qr');
    await shown('.advisor-card', '王老师').click();
    await expectPath('/subpackages/staff/pages/advisor/index');
    await expectText('每周可预约时间', '.staff__section');
    await shown('.staff__rule').first().waitFor();
    await shown('.staff__qr-image img').waitFor();
    await screenshot('staff-advisor');
    // The first block: a 10-minute break between sessions, online, in another room.
    const rule = shown('.staff__rule');
    await rule.locator('[data-field="bufferMinutes"] input').fill('10');
    await rule.locator('.staff__modes .staff__chip', { hasText: '线上视频' }).click();
    await rule.locator('[data-field="ruleLocation"] input').fill('学生活动中心 310');
    await rule.scrollIntoViewIfNeeded();
    await screenshot('staff-rule-edited');
    await clickButton('保存每周时间', '.staff__rules');
    await page.getByText('已保存').first().waitFor();
    await screenshot('staff-rules-saved');
    const saved = await api('GET', 'advisors/advisor-1/rules');
    assert.equal(saved.status, 200);
    assert.deepEqual(
      saved.body.items
        .filter((item) => item.mode === 'online')
        .map(({ bufferMinutes, mode, location }) => ({ bufferMinutes, mode, location })),
      [{ bufferMinutes: 10, mode: 'online', location: '学生活动中心 310' }],
    );
    await page.goBack();
    await expectPath('/subpackages/staff/pages/advisors/index');
    await clickButton('闭馆日', '.staff__links');
    await expectPath('/subpackages/staff/pages/closures/index');
    await shown('[data-field="reason"] input').fill('校庆');
    await clickButton('添加闭馆日', '.staff');
    await expectText('校庆', '.staff__item');
    await screenshot('staff-closures');
  });

  test('no console errors or page errors along the way', () => {
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(expectedFailures, [], 'every expected failure happened');
  });
});
