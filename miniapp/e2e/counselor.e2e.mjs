// The counselor workspace end to end in Chromium against a running server (H5 build + API, demo data seeded):
// BASE_URL=http://127.0.0.1:3000 node --test miniapp/e2e/counselor.e2e.mjs
// A counselor signs in, is not bound yet, redeems an invite for the demo advisor (王老师), runs the demo day
// (arrival, completion, a private note), moves through the week, sees a holiday, adds extra hours and opens
// the calendar feed; an admin reviews the figures and the note access log. Screenshots land in
// artifacts/screenshots/ as counselor-*.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiAs } from './support/api.mjs';
import { BASE_URL, h5Session } from './support/h5-session.mjs';

const TODAY_PAGE = '/subpackages/counselor/pages/today/index';

let page;
const h5 = h5Session({ page: () => page, shotPrefix: 'counselor-' });
const {
  consoleErrors,
  expectFailure,
  shown,
  clickButton,
  expectText,
  expectPath,
  nextShotPath,
  screenshot,
  devSignIn,
  signOut,
} = h5;

/** The API straight from Node as `token`'s user (support/api.mjs), with the request's options last. */
const api = (method, path, { token, body } = {}) => apiAs(token, method, path, body);

/** The demo counselor's working day, as the seed picks it: today on a weekday, else the coming Monday. */
function demoDay() {
  const today = new Date(Date.now() + 8 * 3_600_000);
  const weekday = today.getUTCDay() === 0 ? 7 : today.getUTCDay();
  const shift = weekday <= 5 ? 0 : 8 - weekday;
  return new Date(today.getTime() + shift * 86_400_000).toISOString().slice(0, 10);
}

function addDays(date, days) {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a seeded visit at `time` on the demo day has started (attendance opens at the start). */
function started(time) {
  return Date.parse(`${demoDay()}T${time}:00+08:00`) <= Date.now();
}

let adminToken;

before(async () => {
  page = await h5.start({ clipboard: true });
  adminToken = (await api('POST', 'auth/dev-login', { body: { openid: 'demo-admin', role: 'admin' } })).body
    .token;
});

after(async () => {
  await h5.close();
});

describe('the counselor workspace in the H5 app', { concurrency: false }, () => {
  test('a new counselor account is asked for an invite, and the invite binds it to 王老师', async () => {
    await page.goto(`${BASE_URL}/pages/me/index`);
    await clickButton(/^登录$/, '.me');
    await devSignIn('咨询师', '王老师');
    await expectPath('/pages/me/index');
    expectFailure(403, '/api/counselor/schedule');
    expectFailure(403, '/api/counselor/week');
    await shown('.menu-list__item', '今日日程').click();
    await expectPath(TODAY_PAGE);
    await expectText('账号尚未绑定咨询师资料');
    await screenshot('not-bound');

    const invite = await api('POST', 'admin/counselor-invites', {
      token: adminToken,
      body: { advisorId: 'advisor-1' },
    });
    assert.equal(invite.status, 201, invite.text);
    await clickButton('输入邀请码');
    await expectPath('/subpackages/counselor/pages/join/index');
    await shown('[data-field="code"] input').fill(invite.body.code);
    await screenshot('join');
    await clickButton('绑定', '.counselor');
    await expectPath(TODAY_PAGE);
  });

  test('the day view lists the demo day in time order with who is coming and why', async () => {
    const day = demoDay();
    await page.goto(`${BASE_URL}${TODAY_PAGE}?date=${day}`);
    await expectText('李同学', '.visit__name');
    const names = await page.locator('.visit .visit__name').allInnerTexts();
    assert.deepEqual(names, ['李同学', '赵同学', '陈同学']);
    const times = await page.locator('.visit .visit__time').allInnerTexts();
    assert.deepEqual(times, ['09:00–09:30', '10:00–10:30', '14:00–14:45']);
    await expectText('此前来过 1 次', '.visit');
    await expectText('首次来访', '.visit');
    await expectText('计算机科学与技术学院 · 软件工程 · 本科', '.visit__student');
    await expectText('求职策略 · 学生活动中心 305', '.visit__topic');
    await expectText('秋招投了 30 家', '.visit__note');
    await expectText('共 3 个预约', '.counselor__summary');
    await expectText('3', `.week__day[data-date="${day}"] .week__count`);
    await screenshot('day-view');
  });

  test('arrival and completion change the card; a private note shows on the next visit', async () => {
    const first = shown('.visit', '李同学');
    await first.locator('.nut-button', { hasText: '已到达' }).click();
    await shown('.visit', '李同学').locator('.visit__status', { hasText: '已到达' }).waitFor();
    if (started('09:00')) {
      await shown('.visit', '李同学').locator('.nut-button', { hasText: '完成' }).click();
      await shown('.visit', '李同学').locator('.visit__status', { hasText: '已完成' }).waitFor();
    }
    await screenshot('after-attendance');

    await shown('.visit', '赵同学').locator('.visit__body').click();
    await expectPath('/subpackages/counselor/pages/appointment/index');
    await expectText('赵同学', '.visit__name');
    await expectText('还没有笔记');
    await expectText('该同学没有分享反思');
    await shown('.counselor__textarea textarea').fill('对航天院所很有兴趣，建议先投递研究所实习');
    await clickButton('保存笔记', '.counselor__notes');
    await expectText('对航天院所很有兴趣', '.counselor__note');
    await screenshot('appointment-note');

    await page.goto(`${BASE_URL}${TODAY_PAGE}?date=${demoDay()}`);
    await expectText('我的上次笔记：对航天院所很有兴趣', '.visit__last-note');
    // Notes never reach the calendar feed or a student-facing answer; the access log records the reads.
    const log = await api('GET', 'admin/counselor-notes/access-log', { token: adminToken });
    assert.ok(log.body.items.some((entry) => entry.via === 'schedule' && entry.reader.name === '王老师'));
  });

  test('the week strip moves between days; empty days and holidays say so', async () => {
    const day = demoDay();
    const empty = addDays(day, 2);
    await page.goto(`${BASE_URL}${TODAY_PAGE}?date=${day}`);
    await expectText('李同学', '.visit__name');
    await shown('.week__arrow', '›').click();
    await shown(`.week__day[data-date="${addDays(day, 7)}"]`).waitFor();
    await shown(`.week__day[data-date="${addDays(day, 9)}"]`).click();
    await expectText('这一天没有预约', '.state-view__title');
    await screenshot('empty-day');

    const closed = await api('POST', 'closures', {
      token: adminToken,
      body: { date: empty, reason: '校庆日' },
    });
    assert.equal(closed.status, 201, closed.text);
    await page.goto(`${BASE_URL}${TODAY_PAGE}?date=${empty}`);
    await expectText('中心休息：校庆日', '.state-view__title');
    await screenshot('holiday');
  });

  test('a slow answer shows the loading state', async () => {
    await page.route('**/api/counselor/schedule?*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.continue();
    });
    await page.goto(`${BASE_URL}${TODAY_PAGE}?date=${demoDay()}`);
    await shown('.state-loading').waitFor();
    await page.screenshot({ path: nextShotPath('loading') });
    await expectText('李同学', '.visit__name');
    await page.unroute('**/api/counselor/schedule?*');
  });

  test('time off cancels the booked appointments in it and tells each student', async () => {
    const student = (
      await api('POST', 'auth/dev-login', { body: { openid: 'demo-student-grid', role: 'student' } })
    ).body.token;
    const slots = await api(
      'GET',
      `advisors/advisor-1/slots?from=${addDays(demoDay(), 1)}&to=${addDays(demoDay(), 14)}`,
      {
        token: student,
      },
    );
    const slot = slots.body.items.find((item) => item.availability === 'available' && item.capacity === 1);
    assert.ok(slot, 'a free one-to-one slot of 王老师');
    const booked = await api('POST', 'appointments', {
      token: student,
      body: { slotId: slot.id, topic: 'resume' },
    });
    assert.equal(booked.status, 201, booked.text);
    const leaveDay = slot.startsAt.slice(0, 10);

    await page.goto(`${BASE_URL}/subpackages/counselor/pages/availability/index`);
    await shown('[data-field="date"] input').fill(leaveDay);
    await screenshot('time-off');
    await clickButton(/^请假$/, '.counselor');
    await shown('.taro-model__confirm', '请假').click();
    await expectText(`${leaveDay} 全天 · 请假`, '.counselor__item');
    const inbox = await api('GET', 'me/notifications', { token: student });
    const notice = inbox.body.items.find((item) => item.kind === 'appointment_cancelled');
    assert.equal(notice?.title, '预约已取消：老师请假');
    assert.equal(notice?.page, 'subpackages/booking/pages/advisor/index?id=advisor-1');
    const after = await api('GET', `appointments/${booked.body.id}`, { token: student });
    assert.equal(after.body.status, 'cancelled');
    await page.goto(`${BASE_URL}${TODAY_PAGE}?date=${leaveDay}`);
    await expectText('已取消', '.visit__status');
    await expectText('你这一天请假了', '.counselor__banner');
    await screenshot('leave-day');
  });

  test('extra hours and the calendar feed', async () => {
    await page.goto(`${BASE_URL}${TODAY_PAGE}`);
    await shown('.counselor__link', '请假 / 加班').click();
    await expectPath('/subpackages/counselor/pages/availability/index');
    await shown('[data-field="kind"] .option-chips__chip', '加班').click();
    const evening = addDays(demoDay(), 3);
    await shown('[data-field="date"] input').fill(evening);
    await shown('[data-field="startTime"] input').fill('18:00');
    await shown('[data-field="endTime"] input').fill('19:00');
    await clickButton(/^加班$/, '.counselor');
    await expectText(`${evening} 18:00–19:00 · 加班`, '.counselor__item');
    await screenshot('availability');

    await page.goto(`${BASE_URL}/subpackages/counselor/pages/calendar/index`);
    await expectText('.ics', '.counselor__url');
    const url = (await shown('.counselor__url').innerText()).trim();
    const feed = await fetch(url);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type'), /^text\/calendar/);
    // Unfolded: RFC 5545 folds long lines, which could split the text searched for.
    const calendar = (await feed.text()).replace(/\r\n /g, '');
    assert.match(calendar, /^BEGIN:VCALENDAR/);
    assert.match(calendar, /李同学/);
    assert.doesNotMatch(calendar, /航天院所很有兴趣/);
    await screenshot('calendar');
  });

  test('a designated supervisor reads the notes of the counselor they supervise', async () => {
    const supervised = (
      await api('POST', 'auth/dev-login', { body: { openid: 'demo-counselor', role: 'counselor' } })
    ).body;
    const day = await api('GET', `counselor/schedule?date=${demoDay()}`, { token: supervised.token });
    const visit = day.body.items.find((item) => item.student.name === '陈同学');
    const note = await api('POST', `counselor/appointments/${visit.appointmentId}/notes`, {
      token: supervised.token,
      body: { text: '两个 offer 各有利弊，约好下周再谈' },
    });
    assert.equal(note.status, 201, note.text);
    const counselors = await api('GET', 'admin/users?role=counselor', { token: adminToken });
    const me = counselors.body.items.find((user) => user.id !== supervised.user.id);
    const designated = await api('POST', 'admin/counselor-supervisors', {
      token: adminToken,
      body: { supervisorId: me.id, counselorId: supervised.user.id },
    });
    assert.equal(designated.status, 201, designated.text);

    await page.goto(`${BASE_URL}${TODAY_PAGE}`);
    await shown('.counselor__link', '督导').click();
    await expectPath('/subpackages/counselor/pages/supervision/index');
    await expectText('两个 offer 各有利弊', '.counselor__supervised-note');
    await expectText('陈同学', '.counselor__supervised-note');
    await screenshot('supervision');
  });

  test('an admin sees figures per counselor and who read which notes', async () => {
    await signOut();
    await clickButton(/^登录$/, '.me');
    await devSignIn('管理员', '周主任');
    await expectPath('/pages/me/index');
    await shown('.menu-list__item', '预约管理').click();
    await expectPath('/subpackages/staff/pages/advisors/index');
    await clickButton('咨询师管理', '.staff__links');
    await expectPath('/subpackages/staff/pages/counselors/index');
    await expectText('王老师', '.staff__stat');
    await expectText('预约率', '.staff__stat');
    await screenshot('staff-stats');
    await shown('.chip', '查看记录').click();
    await expectText('王老师 查看了 王老师 的笔记 · 督导查看', '.staff__log');
    await screenshot('staff-access-log');
    await shown('.chip', '邀请').click();
    await shown('.staff__item', '王老师').locator('.nut-button').click();
    await expectText('邀请码', '.staff__invite');
    await screenshot('staff-invite');
  });

  test('no unexpected console errors', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
