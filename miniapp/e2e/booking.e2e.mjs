// Booking end to end in Chromium against a running server (H5 build + API, demo data seeded):
// BASE_URL=http://127.0.0.1:3000 node --test miniapp/e2e/booking.e2e.mjs
// The server must take bookings up to the start (BOOKING_MIN_NOTICE_MINUTES=0; scripts/test.mjs starts it so).
// A student signs in, picks an advisor, books a slot (completing the profile the server asks for), sees the
// confirmation and their appointments, cancels; another checks in by scanning; a third is suspended after
// three late cancellations; 扫一扫 by code; an admin opens the staff pages.
// Screenshots land in artifacts/screenshots/ as booking-*.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiAs, bookingStudent, centerWallTime, devLogin, expectOk } from './support/api.mjs';
import { BASE_URL, h5Session } from './support/h5-session.mjs';

/** 刘老师: no other step here books with this advisor, so extra hours on their days change nothing else. */
const EXTRA_HOURS_ADVISOR = 'advisor-4';
const MINUTE = 60_000;

let page;
const h5 = h5Session({ page: () => page, shotPrefix: 'booking-' });
const {
  consoleErrors,
  expectedFailures,
  expectFailure,
  shown,
  clickButton,
  clickTab,
  expectText,
  expectPath,
  screenshot,
  afterToast,
  devSignIn,
  signOut,
  api,
} = h5;

/**
 * The start of a 10-minute slot at the first whole minute from `ms` on. Extra hours live within one date and
 * end by 23:59, so a slot that would run past the center's midnight starts at 00:00 the next day instead.
 */
function slotStartFrom(ms) {
  const start = Math.ceil(ms / MINUTE) * MINUTE;
  const { date, time } = centerWallTime(start);
  if (centerWallTime(start + 10 * MINUTE).date === date) return start;
  const [hours, minutes] = time.split(':').map(Number);
  return start + (24 * 60 - hours * 60 - minutes) * MINUTE;
}

/** As an admin, adds extra hours holding one 10-minute slot at `startMs` for the advisor; returns the slot. */
async function addExtraSlot(adminToken, advisorId, startMs) {
  const from = centerWallTime(startMs);
  const to = centerWallTime(startMs + 10 * MINUTE);
  assert.equal(to.date, from.date, 'the extra hours stay within one center date');
  const exception = {
    date: from.date,
    kind: 'extra',
    startTime: from.time,
    endTime: to.time,
    slotMinutes: 10,
    capacity: 1,
    mode: 'in_person',
    location: '就业指导中心 203',
    title: null,
    note: null,
  };
  await expectOk(
    apiAs(adminToken, 'POST', `advisors/${advisorId}/exceptions`, exception),
    201,
    `extra hours ${from.date} ${from.time}`,
  );
  const slots = await expectOk(apiAs(adminToken, 'GET', `advisors/${advisorId}/slots`), 200, 'slots');
  const slot = slots.items.find((item) => Date.parse(item.startsAt) === startMs);
  assert.ok(slot, `a slot at ${from.date} ${from.time} after adding the extra hours`);
  assert.equal(slot.availability, 'available');
  return slot;
}

/** Runs `steps` with the browser signed in as `session`, then gives the browser its own user back. */
async function inBrowserAs(session, steps) {
  const keys = ['careerside.token', 'careerside.user'];
  const saved = await page.evaluate((keys) => keys.map((key) => localStorage.getItem(key)), keys);
  // Taro's H5 storage keeps each value as {"data": value}.
  await page.evaluate(
    ({ token, user }) => {
      localStorage.setItem('careerside.token', JSON.stringify({ data: token }));
      localStorage.setItem('careerside.user', JSON.stringify({ data: user }));
    },
    { token: session.token, user: session.user },
  );
  try {
    await steps();
  } finally {
    await page.evaluate(
      ({ keys, saved }) =>
        keys.forEach((key, i) =>
          saved[i] === null ? localStorage.removeItem(key) : localStorage.setItem(key, saved[i]),
        ),
      { keys, saved },
    );
  }
}

before(async () => {
  page = await h5.start();
});

after(async () => {
  await h5.close();
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
    // This server takes bookings up to the start: a time on a later day keeps the appointment outside the
    // 2-hour cancellation cutoff, so it can still be moved below.
    const today = centerWallTime(Date.now()).date;
    const laterDays = await page
      .locator('.date-strip__day:visible:has(.date-strip__dot--on)')
      .evaluateAll((days) => days.map((day) => day.getAttribute('data-date')));
    const day = laterDays.find((date) => date > today);
    assert.ok(day, '王老师 has a bookable time after today');
    await shown(`.date-strip__day[data-date="${day}"]`).click();
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

    const [booked] = (await api('GET', 'me/appointments')).body.items;
    await clickButton('改期', '.appointment');
    await expectPath('/subpackages/booking/pages/advisor/index');
    await shown(`.date-strip__day[data-date="${booked.startsAt.slice(0, 10)}"]`).click();
    // The student's own time says so (not one more full time), and tapping it asks for another time.
    await expectText('你已预约', '.slot--full.slot--mine');
    await shown('.slot--mine').click();
    await expectText('这是你现在的预约时间');
    await screenshot('reschedule-own-slot');
    await afterToast();
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
    // Extra hours with a slot that starts within the 30-minute check-in window, booked by a fresh student.
    const admin = await devLogin('admin', '签到测试管理员');
    const advisor = await expectOk(
      apiAs(admin.token, 'GET', `advisors/${EXTRA_HOURS_ADVISOR}`),
      200,
      'advisor',
    );
    const startMs = slotStartFrom(Date.now() + MINUTE);
    const slot = await addExtraSlot(admin.token, advisor.id, startMs);
    const student = await bookingStudent('孙同学');
    const { rules } = await expectOk(apiAs(student.token, 'GET', 'me/booking-status'), 200, 'booking status');
    assert.equal(rules.minNoticeMinutes, 0, 'start the server with BOOKING_MIN_NOTICE_MINUTES=0');
    const appointment = await expectOk(
      apiAs(student.token, 'POST', 'appointments', { slotId: slot.id, topic: advisor.topics[0] }),
      201,
      'booking the slot that starts soon',
    );
    // Check-in looks at the student's appointments of the center's current date: when the slot had to move to
    // 00:00 (a run in the last minutes before the center's midnight), wait for that date to begin.
    if (centerWallTime(startMs).date !== centerWallTime(Date.now()).date) {
      await page.waitForTimeout(startMs - Date.now() + 1_000);
    }

    await inBrowserAs(student, async () => {
      // A scan of the advisor's door code opens this page with the advisor's short code.
      await page.goto(`${BASE_URL}/subpackages/booking/pages/checkin/index?advisor=${advisor.shortCode}`);
      await expectText('签到成功', '.checkin__title');
      await expectText(`${centerWallTime(startMs).time} · 刘老师`, '.checkin__body');
      await screenshot('checkin-result');
    });
    const mine = await expectOk(apiAs(student.token, 'GET', 'me/appointments'), 200, 'my appointments');
    const checkedIn = mine.items.find((item) => item.id === appointment.id);
    assert.ok(checkedIn?.checkedInAt, 'the server recorded the check-in');
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
    // Three late cancellations (times that start within the 2-hour cutoff) suspend booking. Each is cancelled
    // before the next is booked, so the limits on active appointments never get in the way.
    const admin = await devLogin('admin', '暂停测试管理员');
    const student = await bookingStudent('周同学');
    let from = Date.now() + 20 * MINUTE;
    for (let strike = 1; strike <= 3; strike += 1) {
      const startMs = slotStartFrom(from);
      from = startMs + 15 * MINUTE;
      const slot = await addExtraSlot(admin.token, EXTRA_HOURS_ADVISOR, startMs);
      const booked = await expectOk(
        apiAs(student.token, 'POST', 'appointments', { slotId: slot.id, topic: 'key_sectors' }),
        201,
        `booking ${strike}`,
      );
      const cancelled = await expectOk(
        apiAs(student.token, 'POST', `appointments/${booked.id}/cancel`),
        200,
        `cancelling ${strike}`,
      );
      assert.equal(cancelled.lateCancellation, true, `cancellation ${strike} is late`);
    }
    const status = await expectOk(apiAs(student.token, 'GET', 'me/booking-status'), 200, 'booking status');
    assert.ok(status.suspension, 'three late cancellations suspend booking');
    assert.deepEqual(status.suspension.reason, ['late_cancellation']);

    await inBrowserAs(student, async () => {
      await page.goto(`${BASE_URL}/subpackages/booking/pages/appointments/index`);
      await expectText('预约功能已暂停', '.appointments__suspended');
      const [year, month, day] = status.suspension.endsAt.slice(0, 10).split('-').map(Number);
      await expectText(`已达 3 次，预约功能暂停至 ${year}年${month}月${day}日`, '.appointments__suspended');
      await expectText('原因：临时取消', '.appointments__suspended-reason');
      await screenshot('suspended');
    });
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
