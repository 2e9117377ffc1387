// The booking waitlist end to end in Chromium against a running server (H5 build + API, demo data seeded):
// BASE_URL=http://127.0.0.1:3000 node --test miniapp/e2e/waitlist.e2e.mjs
// The server must hold a freed seat for 2 minutes (WAITLIST_HOLD_MINUTES=2; scripts/test.mjs starts it so), so
// a hold can run out while the file runs.
// Another student books the last seat of a time; a student in the browser finds it full, joins its waitlist and
// sees their place on the advisor page and in 我的预约; the seat is given up, the offer arrives in the inbox
// (with the badge on 我的), and a tap leads to taking the seat and the confirmation. Meanwhile, on another
// advisor's time, a third student is offered a seat and lets the hold run out: the offer passes to the
// student in the browser, who passes it up. Screenshots land in artifacts/screenshots/ as waitlist-*.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BOOKING_PROFILE, apiAs, bookingStudent, centerWallTime, expectOk } from './support/api.mjs';
import { BASE_URL, h5Session } from './support/h5-session.mjs';

const MINUTE = 60_000;
/** WAITLIST_HOLD_MINUTES of the server scripts/test.mjs starts for this file. */
const HOLD_MINUTES = 2;
/** The hold job runs every 30 s: an expired hold passes on within that of running out (plus slack). */
const EXPIRY_WAIT = (HOLD_MINUTES + 2) * MINUTE;
const RUN = Date.now().toString(36).slice(-5);

let page;
const h5 = h5Session({ page: () => page, shotPrefix: 'waitlist-' });
const {
  consoleErrors,
  expectedFailures,
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

/** The advisor's first one-to-one time with its seat free on a day after today, and a topic it takes. */
async function freeSlotAfterToday(token, advisorId) {
  const advisor = await expectOk(apiAs(token, 'GET', `advisors/${advisorId}`), 200, 'advisor');
  const slots = await expectOk(apiAs(token, 'GET', `advisors/${advisorId}/slots`), 200, 'slots');
  const today = centerWallTime(Date.now()).date;
  const slot = slots.items.find(
    (item) =>
      item.capacity === 1 &&
      item.availability === 'available' &&
      centerWallTime(Date.parse(item.startsAt)).date > today,
  );
  assert.ok(slot, `${advisor.name} has a free one-to-one time after today`);
  return { advisor, slot, topic: advisor.topics[0], ...centerWallTime(Date.parse(slot.startsAt)) };
}

/** The browser student's own waitlist entry for this slot, if any. */
async function myEntry(slotId) {
  const mine = await api('GET', 'me/waitlist');
  assert.equal(mine.status, 200, JSON.stringify(mine.body));
  return mine.body.items.find((entry) => entry.slot.id === slotId) ?? null;
}

before(async () => {
  page = await h5.start();
});

after(async () => {
  await h5.close();
});

describe('the booking waitlist in the H5 app', { concurrency: false }, () => {
  let first; // 王老师's time: 甲 books it, the browser student waits for it and takes it
  let holder; // 甲, who gives the seat up
  let second; // 李老师's time: 丙 is offered it first and lets the hold run out
  let third; // 丙

  test('setup: the browser student signs in; another student holds a seat the hold will pass on from', async () => {
    await page.goto(`${BASE_URL}/pages/me/index`);
    await clickButton(/^登录$/, '.me');
    await devSignIn('学生', `候补乙${RUN}`);
    await expectPath('/pages/me/index');
    // Setup through the API, where the screens are not the point: a profile complete enough to book.
    const profile = await api('PATCH', 'me/profile', { name: `候补乙${RUN}`, ...BOOKING_PROFILE });
    assert.equal(profile.status, 200, JSON.stringify(profile.body));
    const { rules } = (await api('GET', 'me/booking-status')).body;
    assert.equal(rules.waitlistHoldMinutes, HOLD_MINUTES, 'start the server with WAITLIST_HOLD_MINUTES=2');

    // 李老师's time: 丁 books it, 丙 and then the browser student line up, 丁 gives it up. 丙 now holds it,
    // and the hold runs out while the rest of the file runs.
    const booker = await bookingStudent(`候补丁${RUN}`);
    third = await bookingStudent(`候补丙${RUN}`);
    second = await freeSlotAfterToday(booker.token, 'advisor-2');
    const booked = await expectOk(
      apiAs(booker.token, 'POST', 'appointments', { slotId: second.slot.id, topic: second.topic }),
      201,
      '丁 books 李老师',
    );
    await expectOk(
      apiAs(third.token, 'POST', `slots/${second.slot.id}/waitlist`, { topic: second.topic }),
      201,
      '丙 joins the line',
    );
    const mine = await api('POST', `slots/${second.slot.id}/waitlist`, { topic: second.topic });
    assert.equal(mine.status, 201, JSON.stringify(mine.body));
    assert.equal(mine.body.position, 2, 'the browser student is second in line, behind 丙');
    await expectOk(apiAs(booker.token, 'POST', `appointments/${booked.id}/cancel`), 200, '丁 cancels');
    const offered = await expectOk(apiAs(third.token, 'GET', 'me/waitlist'), 200, "丙's waitlist");
    assert.deepEqual(
      offered.items.map((entry) => entry.status),
      ['offered'],
      'the freed seat is held for 丙, first in line',
    );
    third.entryId = offered.items[0].id;

    // 王老师's time: 甲 takes its only seat.
    holder = await bookingStudent(`候补甲${RUN}`);
    first = await freeSlotAfterToday(holder.token, 'advisor-1');
    first.appointment = await expectOk(
      apiAs(holder.token, 'POST', 'appointments', { slotId: first.slot.id, topic: first.topic }),
      201,
      '甲 books 王老师',
    );
  });

  test('the student finds the time full and joins its waitlist', async () => {
    await clickTab('预约');
    await expectPath('/pages/booking/index');
    await shown('.advisor-card', '王老师').click();
    await expectPath('/subpackages/booking/pages/advisor/index');
    await expectText('职业生涯规划师', '.advisor-card__title');
    await shown(`.date-strip__day[data-date="${first.date}"]`).click();
    const cell = `[data-slot="${first.slot.id}"]`;
    await expectText(first.time, `${cell} .slot-grid__time`);
    await expectText('已满 · 候补', `${cell}.slot--full`);
    await screenshot('advisor-slot-full');

    await shown(cell).click();
    await expectText('加入候补', '.taro-modal__title');
    await expectText(`${first.date.slice(5)} ${first.time} 已约满`, '.taro-modal__text');
    await expectText(`保留 ${HOLD_MINUTES} 分钟`, '.taro-modal__text');
    await screenshot('join-confirm');
    await shown('.taro-model__confirm', '候补').click();
    await expectText('已加入候补，第 1 位');
    await screenshot('joined-toast');
    await afterToast();
    // The time now says where the student stands, instead of offering the waitlist again.
    await expectText('候补第 1 位', `${cell}.slot--waiting`);
    await screenshot('advisor-slot-waiting');
  });

  test('tapping that time again shows the place in line in 我的预约', async () => {
    await shown(`[data-slot="${first.slot.id}"]`).click();
    await expectPath('/subpackages/booking/pages/appointments/index');
    await expectText('候补', '.chip--active');
    const entry = await myEntry(first.slot.id);
    assert.equal(entry?.status, 'waiting');
    first.entry = entry;
    const card = `.appointment[data-id="${entry.id}"]`;
    await expectText('王老师', `${card} .appointment__who`);
    await expectText(`${first.date.slice(5)}`, `${card} .appointment__when`);
    await expectText('候补第 1 位', `${card} .appointment__status`);
    await expectText('学生活动中心 305', `${card} .appointment__where`);
    await expectText('退出候补', `${card} .nut-button`);
    // Behind 丙 on 李老师's time, who holds the seat now: first of those still waiting.
    const other = await myEntry(second.slot.id);
    await expectText('候补第 1 位', `.appointment[data-id="${other.id}"] .appointment__status`);
    await screenshot('my-waitlist');
  });

  test('the seat is given up: the offer arrives with a badge on 我的 and in the inbox', async () => {
    const unreadBefore = (await api('GET', 'me/notifications/unread-count')).body.unreadCount;
    await expectOk(
      apiAs(holder.token, 'POST', `appointments/${first.appointment.id}/cancel`),
      200,
      '甲 cancels',
    );
    const entry = await myEntry(first.slot.id);
    assert.equal(entry?.status, 'offered', 'the seat is held for the student first in line');
    first.entry = entry;
    first.holdUntil = centerWallTime(Date.parse(entry.holdExpiresAt)).time;

    await page.goto(`${BASE_URL}/pages/me/index`);
    // The badge shows the server's unread count, one more than before (or more, should 李老师's hold have
    // passed on meanwhile).
    await until(async () => {
      const count = (await api('GET', 'me/notifications/unread-count')).body.unreadCount;
      return count > unreadBefore && (await meBadge()) === String(count);
    }, 'the badge on 我的');
    await screenshot('me-badge');

    await shown('.menu-list__item', '消息中心').click();
    await expectPath('/subpackages/notifications/pages/inbox/index');
    const offer = '.inbox-item--unread:has-text("王老师")';
    await expectText('候补名额已为你保留', `${offer} .inbox-item__title`);
    await expectText('候补名额', `${offer} .inbox-item__kind`);
    await expectText(`请在 ${first.holdUntil} 前确认，逾期将顺延给下一位同学`, `${offer} .inbox-item__body`);
    await screenshot('inbox-offer');
  });

  test('a tap on the offer leads to taking the seat, and the appointment is confirmed', async () => {
    await shown('.inbox-item', '王老师').click();
    await expectPath('/subpackages/booking/pages/appointments/index');
    const card = `.appointment[data-id="${first.entry.id}"]`;
    await expectText('候补', '.chip--active');
    await expectText('待确认', `${card} .appointment__status--offered`);
    await expectText(`名额已为你保留，请在 ${first.holdUntil} 前确认`, `${card} .appointment__offer`);
    await screenshot('offer-held');

    await clickButton('确认预约', card);
    await expectPath('/subpackages/booking/pages/confirmation/index');
    await expectText('预约成功', '.confirmation__title');
    await expectText(`${first.date} ${first.time}`, '.confirmation__when');
    await expectText('王老师', '.confirmation__card');
    await screenshot('offer-taken');

    await clickButton('查看我的预约', '.confirmation');
    await expectPath('/subpackages/booking/pages/appointments/index');
    const [appointment] = (await api('GET', 'me/appointments')).body.items;
    assert.equal(appointment?.slotId, first.slot.id, 'the appointment is that time');
    const booked = `.appointment[data-id="${appointment.id}"]`;
    await expectText('王老师', `${booked} .appointment__who`);
    await expectText('待参加', `${booked} .appointment__status`);
    await screenshot('appointment-confirmed');
    assert.equal(await myEntry(first.slot.id), null, 'the entry left the line');
  });

  test("丙's hold runs out and the seat passes to the student next in line", async () => {
    // The hold job passes an expired hold on within 30 s of its end: wait for the offer to reach the student.
    const entry = await until(
      async () => {
        const mine = await myEntry(second.slot.id);
        return mine?.status === 'offered' ? mine : null;
      },
      "李老师's seat passing on from 丙",
      EXPIRY_WAIT,
    );
    const left = await expectOk(apiAs(third.token, 'GET', 'me/waitlist'), 200, "丙's waitlist");
    assert.deepEqual(left.items, [], "丙's hold ran out and left the line");
    const late = await apiAs(third.token, 'POST', `waitlist/${third.entryId}/accept`);
    assert.equal(late.status, 409, JSON.stringify(late.body));
    assert.equal(late.body.code, 'WAITLIST_NOT_OFFERED', '丙 can no longer take the seat');

    const holdUntil = centerWallTime(Date.parse(entry.holdExpiresAt)).time;
    await page.goto(`${BASE_URL}/subpackages/notifications/pages/inbox/index`);
    const offer = '.inbox-item--unread:has-text("李老师")';
    await expectText('候补名额已为你保留', `${offer} .inbox-item__title`);
    await expectText(`请在 ${holdUntil} 前确认`, `${offer} .inbox-item__body`);
    await screenshot('inbox-passed-on');

    await shown('.inbox-item', '李老师').click();
    await expectPath('/subpackages/booking/pages/appointments/index');
    const card = `.appointment[data-id="${entry.id}"]`;
    await expectText('待确认', `${card} .appointment__status--offered`);
    await expectText('李老师', `${card} .appointment__who`);
    await screenshot('passed-on-offer');

    // The student passes it up, after saying so: with nobody else in line, the seat is free again.
    await clickButton('放弃', card);
    await expectText('放弃这个名额', '.taro-modal__title');
    await expectText('将顺延给下一位同学', '.taro-modal__text');
    await screenshot('pass-up-confirm');
    await shown('.taro-model__confirm', '放弃').click();
    await expectText('已放弃');
    await shown(card).waitFor({ state: 'detached' });
    await expectText('没有候补中的时段', '.state-view__title');
    await afterToast();
    await screenshot('passed-up');
    const slots = await api('GET', 'advisors/advisor-2/slots');
    const freed = slots.body.items.find((item) => item.id === second.slot.id);
    assert.equal(freed?.availability, 'available', "李老师's time has its seat back");

    // The offer stays in the inbox: opened again, it says the seat is no longer held, not just an empty list.
    await page.goto(`${BASE_URL}/subpackages/notifications/pages/inbox/index`);
    await shown('.inbox-item', '李老师').click();
    await expectPath('/subpackages/booking/pages/appointments/index');
    await expectText('这个候补名额已不再为你保留', '.appointments__gone');
    await screenshot('offer-gone');
  });

  test('no console errors or page errors along the way', () => {
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(expectedFailures, [], 'every expected failure happened');
  });
});
