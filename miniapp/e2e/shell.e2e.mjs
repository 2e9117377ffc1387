// The H5 shell end to end in Chromium, against a running server that serves the H5 build and the API.
// BASE_URL=http://127.0.0.1:3000 node --test miniapp/e2e/
// Screenshots of every page land in artifacts/screenshots/ (git-ignored) for a person to look at.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, TIMEOUT, h5Session } from './support/h5-session.mjs';

let page;
const h5 = h5Session({ page: () => page });
const {
  consoleErrors,
  expectFailure,
  shown,
  clickButton,
  tab,
  clickTab,
  expectText,
  expectPath,
  screenshot,
} = h5;

/** H5 shows the navigation bar title as the document title. */
async function expectTitle(title) {
  const deadline = Date.now() + TIMEOUT;
  while ((await page.title()) !== title) {
    if (Date.now() > deadline) assert.fail(`title is "${await page.title()}", expected "${title}"`);
    await page.waitForTimeout(100);
  }
}

async function fillInput(fieldSelector, value) {
  const input = shown(`${fieldSelector} input`);
  await input.fill(value);
}

async function devSignIn({ role, name }) {
  await h5.devSignIn(role, name);
}

async function openMe() {
  await clickTab('我的');
  await expectPath('/pages/me/index');
}

before(async () => {
  page = await h5.start();
});

after(async () => {
  await h5.close();
});

describe('H5 shell', { concurrency: false }, () => {
  test('a signed-out visitor sees the home page with a sign-in call to action', async () => {
    await page.goto(`${BASE_URL}/`);
    await expectText('随身就业指导', '.home__title');
    await expectText('立即登录', '.nut-button');
    await screenshot('home-signed-out');

    await openMe();
    await expectText('登录后查看你的信息');
    await screenshot('me-signed-out');

    await page.goto(`${BASE_URL}/subpackages/profile/pages/edit/index`);
    await expectPath('/subpackages/auth/pages/login/index');
    assert.equal(new URL(page.url()).searchParams.get('redirect'), '/subpackages/profile/pages/edit/index');
    await page.goto(`${BASE_URL}/`);
  });

  test('a student signs in through the dev sign-in and is greeted by name', async () => {
    await clickTab('首页');
    await clickButton('立即登录', '.home');
    await expectPath('/subpackages/auth/pages/login/index');
    await expectText('开发环境登录');
    await screenshot('login');

    await devSignIn({ role: '学生', name: '张同学' });
    await expectPath('/pages/home/index');
    await expectText('张同学', '.home__greeting');
    await expectText('学生', '.role-badge');
    await expectText('完善个人信息', '.home__nudge');
    await screenshot('home-student');
  });

  test('every tab opens', async () => {
    // Booking opened in issue 4 (miniapp/e2e/booking.e2e.mjs books through it).
    await clickTab('预约');
    await expectPath('/pages/booking/index');
    await expectText('预约咨询', '.booking__title');
    await screenshot('booking');
    // The job board opened in issue 6 (miniapp/e2e/jobs.e2e.mjs covers it).
    await clickTab('岗位');
    await expectPath('/pages/jobs/index');
    await expectText('岗位推荐', '.jobs__title');
    await screenshot('jobs');
    // The museum opened in issue 7 (miniapp/e2e/museum.e2e.mjs tours it).
    await clickTab('博物馆');
    await expectPath('/pages/museum/index');
    await expectText('口袋就业博物馆', '.museum__title');
    await screenshot('museum');
    await openMe();
    await expectText('张同学', '.user-card__name');
    await expectText('学生', '.role-badge');
    await screenshot('me-student');
  });

  test('editing the profile shows the server validation message under the graduation year', async () => {
    await shown('.menu-list__item', '编辑资料').click();
    await expectPath('/subpackages/profile/pages/edit/index');
    await shown('[data-field="college"] input').waitFor();
    await screenshot('profile-edit');

    await fillInput('[data-field="college"]', '计算机学院');
    await fillInput('[data-field="major"]', '软件工程');
    await shown('.profile-edit__degree', '硕士').click();
    await fillInput('[data-field="graduationYear"]', '1800');
    expectFailure(400, '/api/me/profile');
    await clickButton('保存', '.profile-edit');
    const yearError = shown('[data-field="graduationYear"] .form-field__error');
    await yearError.waitFor();
    assert.ok((await yearError.innerText()).trim().length > 0, 'the graduation year error has a message');
    await expectText('请检查标出的内容', '.profile-edit__error');
    await screenshot('profile-edit-invalid-year');

    await fillInput('[data-field="graduationYear"]', '2026');
    assert.equal(
      await shown('[data-field="graduationYear"] .form-field__error').count(),
      0,
      'typing clears it',
    );
    await clickButton('保存', '.profile-edit');
    await expectPath('/pages/me/index');
    await expectText('计算机学院', '.user-card__details');
    await expectText('硕士', '.user-card__details');
    await expectText('2026 届', '.user-card__details');
    await screenshot('me-student-profile-saved');

    await clickTab('首页');
    await expectText('张同学', '.home__greeting');
    assert.equal(await shown('.home__nudge').count(), 0, 'a complete profile is not nudged');
  });

  test('switching to English relabels pages, titles and the tab bar, and switching back restores Chinese', async () => {
    await openMe();
    await shown('.menu-list__item', '语言').click();
    await expectPath('/subpackages/settings/pages/language/index');
    await shown('.language__option', 'English').click();
    await expectText('The interface switches at once');
    await expectTitle('Language');
    await screenshot('language-english');

    await page.goBack();
    await expectPath('/pages/me/index');
    await expectText('Edit profile', '.menu-list__item');
    await expectTitle('Me');
    await expectText('Student', '.role-badge');
    await expectText("Master's", '.user-card__details');
    await tab('Museum').waitFor();
    await screenshot('me-english');

    await clickTab('Home');
    await expectText('Good', '.home__greeting');
    await expectText('Services', '.section-title');
    await screenshot('home-english');
    await clickTab('Booking');
    await expectText('Book advising', '.booking__title');
    await screenshot('booking-english');

    await clickTab('Me');
    await shown('.menu-list__item', 'Language').click();
    await shown('.language__option', '简体中文').click();
    await expectText('切换后界面文字立即更新');
    await page.goBack();
    await expectText('编辑资料', '.menu-list__item');
    await expectTitle('我的');
    await tab('首页').waitFor();
  });

  test('about page', async () => {
    await shown('.menu-list__item', '关于').click();
    await expectPath('/subpackages/settings/pages/about/index');
    await expectText('学生就业指导服务中心', '.about__center');
    await screenshot('about');
    await page.goBack();
    await expectPath('/pages/me/index');
  });

  test('signing out, then in as a counselor, then back as the same student', async () => {
    await shown('.menu-list__item', '退出登录').click();
    await shown('.taro-model__confirm', '退出登录').click();
    await expectText('登录后查看你的信息');

    await clickButton(/^登录$/, '.me');
    await devSignIn({ role: '咨询师', name: '李' });
    await expectPath('/pages/me/index');
    await expectText('咨询师', '.role-badge');
    await expectText('李', '.user-card__name');
    await screenshot('me-counselor');
    await clickTab('首页');
    await expectText('李老师', '.home__greeting');
    await screenshot('home-counselor');

    await openMe();
    await shown('.menu-list__item', '退出登录').click();
    await shown('.taro-model__confirm', '退出登录').click();
    await clickButton(/^登录$/, '.me');
    await devSignIn({ role: '学生', name: '' });
    await expectText('张同学', '.user-card__name');
    await expectText('计算机学院', '.user-card__details');
  });

  test('a rejected token leads to sign-in and back to the page the user was on', async () => {
    await page.evaluate(() => {
      const key = 'careerside.token';
      const kept = JSON.parse(localStorage.getItem(key));
      localStorage.setItem(key, JSON.stringify({ ...kept, data: 'not-a-valid-token' }));
    });
    expectFailure(401, '/api/me');
    // The app fetches /me once on launch and once when the page shows.
    expectFailure(401, '/api/me');
    // The 我的 tab's unread badge asks too (issue 3); the bad token fails it the same way.
    expectFailure(401, '/api/me/notifications/unread-count');
    expectFailure(401, '/api/me/notifications/unread-count');
    await page.goto(`${BASE_URL}/pages/me/index`);
    await expectPath('/subpackages/auth/pages/login/index');
    await expectText('登录已过期，请重新登录', '.login__notice');
    await screenshot('login-session-expired');
    await devSignIn({ role: '学生', name: '' });
    await expectPath('/pages/me/index');
    await expectText('张同学', '.user-card__name');
  });

  test('a data page shows a skeleton while loading, and an error with a working retry when offline', async () => {
    await page.route('**/api/me', (route) => route.abort('internetdisconnected'));
    expectFailure('network', '/api/me');
    await shown('.menu-list__item', '编辑资料').click();
    await expectPath('/subpackages/profile/pages/edit/index');
    await expectText('网络连接失败，请检查网络后重试', '.state-view__body');
    await screenshot('profile-edit-offline');
    await page.unroute('**/api/me');

    let answer;
    const held = new Promise((resolve) => (answer = resolve));
    await page.route('**/api/me', async (route) => {
      await held;
      await route.continue();
    });
    await clickButton('重试', '.state-view');
    await shown('.state-loading').waitFor();
    await screenshot('profile-edit-loading');
    answer();
    await shown('[data-field="college"] input').waitFor();
    assert.equal(await shown('[data-field="college"] input').inputValue(), '计算机学院');
    await page.unroute('**/api/me');
  });

  test('no console errors or page errors along the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
