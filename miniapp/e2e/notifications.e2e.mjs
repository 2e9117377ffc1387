// The notifications inbox end to end in Chromium against a running server (H5 build + API, demo data seeded):
// BASE_URL=http://127.0.0.1:3000 node --test miniapp/e2e/notifications.e2e.mjs
// Center announcements reach a student: the badge on 我的, the inbox with paging and unread marks, a tap that
// opens the target page, mark-all-read, and the consent wallet, which on H5 explains that WeChat reminders
// arrive in the mini-program. Screenshots land in artifacts/screenshots/ as notifications-*.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, apiAsDevUser as apiAs, h5Session } from './support/h5-session.mjs';

// Runs against a database other suites also write to: names made here are unique to this run.
const RUN = Date.now().toString(36).slice(-5);

let page;
const h5 = h5Session({ page: () => page, shotPrefix: 'notifications-' });
const {
  consoleErrors,
  shown,
  clickButton,
  clickTab,
  expectText,
  expectPath,
  screenshot,
  afterToast,
  devSignIn,
  api,
  until,
  meBadge,
} = h5;

before(async () => {
  page = await h5.start({ clipboard: true });
});

after(async () => {
  await h5.close();
});

const ANNOUNCEMENTS = 25;

describe('notifications in the H5 app', { concurrency: false }, () => {
  let unreadBefore = 0;

  test('a student signs in; center announcements put a badge on 我的', async () => {
    await page.goto(`${BASE_URL}/pages/me/index`);
    await shown('.nut-button', /^登录$/).click();
    await devSignIn('学生', `消息${RUN}`);
    await expectPath('/pages/me/index');
    unreadBefore = (await api('GET', 'me/notifications/unread-count')).body.unreadCount;

    for (let i = 1; i <= ANNOUNCEMENTS; i += 1) {
      const answer = await apiAs(
        'e2e-notifications-admin',
        'admin',
        'POST',
        'admin/notifications/announcements',
        {
          title: `通知 ${i}（${RUN}）`,
          body: i === ANNOUNCEMENTS ? '点击查看关于页面。' : `第 ${i} 条中心通知的正文。`,
          roles: ['student'],
          ...(i === ANNOUNCEMENTS ? { page: 'subpackages/settings/pages/about/index' } : {}),
        },
      );
      assert.equal(answer.status, 201);
    }
    // Tab pages refresh the count each time they show.
    await clickTab('首页');
    await clickTab('我的');
    const expected = unreadBefore + ANNOUNCEMENTS;
    await until(
      async () => (await meBadge()) === String(expected > 99 ? '99+' : expected),
      'the badge on 我的',
    );
    await expectText(`${expected} 条未读`, '.menu-list__item');
    await screenshot('me-badge');
  });

  test('the inbox lists newest first, pages on scroll, and shows what is unread', async () => {
    await shown('.menu-list__item', '消息中心').click();
    await expectPath('/subpackages/notifications/pages/inbox/index');
    await expectText(`通知 ${ANNOUNCEMENTS}（${RUN}）`, '.inbox-item__title');
    const titles = await page.locator('.inbox-item__title').filter({ visible: true }).allInnerTexts();
    assert.equal(titles[0], `通知 ${ANNOUNCEMENTS}（${RUN}）`);
    assert.equal(titles[1], `通知 ${ANNOUNCEMENTS - 1}（${RUN}）`);
    assert.equal(titles.length, 20, 'the first page holds twenty');
    assert.equal(await page.locator('.inbox-item--unread').filter({ visible: true }).count(), 20);
    await expectText(`${unreadBefore + ANNOUNCEMENTS} 条未读`, '.inbox__count');
    await expectText('中心通知', '.inbox-item__kind');
    await screenshot('inbox');

    await page.mouse.wheel(0, 20_000);
    await expectText(`通知 1（${RUN}）`, '.inbox-item__title');
    await page.mouse.wheel(0, 20_000);
    await screenshot('inbox-scrolled', false);
  });

  test('a tap marks the entry read and opens its page', async () => {
    await page.mouse.wheel(0, -40_000);
    await shown('.inbox-item', `通知 ${ANNOUNCEMENTS}（${RUN}）`).click();
    await expectPath('/subpackages/settings/pages/about/index');
    await expectText('学生就业指导服务中心', '.about__center');
    // As a person would: back once the page has settled (Taro H5 drops a back pressed mid-transition).
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(600);
    await page.goBack();
    await expectPath('/subpackages/notifications/pages/inbox/index');
    const first = shown('.inbox-item', `通知 ${ANNOUNCEMENTS}（${RUN}）`);
    await first.waitFor();
    await until(
      async () =>
        !(await shown('.inbox-item', '点击查看关于页面').getAttribute('class'))?.includes(
          'inbox-item--unread',
        ),
      'the tapped entry to show as read',
    );
    await expectText(`${unreadBefore + ANNOUNCEMENTS - 1} 条未读`, '.inbox__count');
    // An entry that points nowhere is only marked read.
    await shown('.inbox-item', `通知 ${ANNOUNCEMENTS - 1}（${RUN}）`).click();
    await expectText(`${unreadBefore + ANNOUNCEMENTS - 2} 条未读`, '.inbox__count');
    assert.equal(new URL(page.url()).pathname, '/subpackages/notifications/pages/inbox/index');
  });

  test('mark all read clears the count and the badge', async () => {
    await clickButton('全部已读', '.inbox');
    await expectText('没有未读消息', '.inbox__count');
    assert.equal(await page.locator('.inbox-item--unread').filter({ visible: true }).count(), 0);
    await afterToast();
    await screenshot('inbox-all-read');
    assert.equal((await api('GET', 'me/notifications/unread-count')).body.unreadCount, 0);
    await page.goBack();
    await expectPath('/pages/me/index');
    await until(async () => (await meBadge()) === '', 'the badge to go');
    assert.equal(await meBadge(), '');
  });

  test('the consent wallet explains that WeChat reminders arrive in the mini-program', async () => {
    await shown('.menu-list__item', '微信提醒订阅').click();
    await expectPath('/subpackages/notifications/pages/subscriptions/index');
    await expectText('网页版无法订阅微信提醒', '.wallet__notice-title');
    await expectText('咨询提醒', '.wallet-item__name');
    await expectText('岗位提醒', '.wallet-item__name');
    await expectText('一次性', '.wallet-item__mode');
    assert.equal(
      await page.locator('.wallet .nut-button').filter({ visible: true }).count(),
      0,
      'nothing to tap on H5',
    );
    await screenshot('wallet');
  });

  test('staff see WeChat push counts; students have no entry to them', async () => {
    await page.goBack();
    await expectPath('/pages/me/index');
    await expectText('消息中心', '.menu-list__item');
    assert.equal(await shown('.menu-list__item', '微信推送统计').count(), 0, 'no staff entry for a student');

    await page.evaluate(() => localStorage.removeItem('careerside.token'));
    await page.goto(`${BASE_URL}/pages/me/index`);
    await shown('.nut-button', /^登录$/).click();
    await devSignIn('管理员', `推送${RUN}`);
    await expectPath('/pages/me/index');
    await shown('.menu-list__item', '微信推送统计').click();
    await expectPath('/subpackages/notifications/pages/deliveries/index');
    const stats = (await api('GET', 'admin/notifications/stats')).body;
    // Without WeChat credentials (as this server runs) every message goes to the inbox only: staff are told.
    if (stats.items.length === 0) await expectText('近 30 天没有微信推送');
    else await expectText(`共 ${stats.totals.total} 条`, '.deliveries__total');
    await expectText('未送达的推送', '.deliveries__section');
    await screenshot('deliveries');
  });

  test('no console errors or page errors along the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
