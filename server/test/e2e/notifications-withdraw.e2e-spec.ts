import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type AppointmentDto,
  DeliveryStatus,
  NotificationKind,
  type NotificationListResponse,
} from '@careerside/shared';
import { runInTransaction } from '../../src/database/transactions';
import type { AdvisorEntity } from '../../src/modules/advisors/advisor.entity';
import { DeliveriesRepository } from '../../src/modules/notifications/deliveries.repository';
import { NotificationsService } from '../../src/modules/notifications/notifications.service';
import { PushCountersRepository } from '../../src/modules/notifications/push-counters.repository';
import { SubscriptionGrantsRepository } from '../../src/modules/notifications/subscription-grants.repository';
import { execute } from '../../src/modules/notifications/sql-support';
import { advisorFactory, slotFactory } from '../factories/booking.factory';
import { signInStudent } from '../support/booking';
import { deliveryOf, grantOf, notify, pipelineEnv, settledDelivery } from '../support/notifications';
import { signIn } from '../support/sign-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { WechatStandin } from '../support/wechat-standin';

const REMINDER = 'DEMO-appointment-reminder';
const BOOKED = 'DEMO-appointment-booked';
const SYSTEM = 'DEMO-system';

interface Row {
  id: string;
  dedupe_key: string;
}

describe('withdrawing scheduled notifications', () => {
  let wechat: WechatStandin;
  let t: TestApp;
  let advisor: AdvisorEntity;
  let sequence = 0;

  beforeAll(async () => {
    wechat = await WechatStandin.start();
    // The dispatcher runs, so a withdrawn push that slipped through would show up at the stand-in.
    t = await startTestApp({ env: pipelineEnv(wechat) });
    advisor = await advisorFactory.create(t.dataSource, { name: '撤回老师' });
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
  });
  beforeEach(() => wechat.reset());

  const service = () => t.app.get(NotificationsService);
  const entriesOf = (appointmentId: string) =>
    t.dataSource.query<Row[]>(
      'SELECT id, dedupe_key FROM notifications WHERE dedupe_key LIKE ? ORDER BY dedupe_key',
      [`appointment:${appointmentId}:%`],
    );
  const deliveriesOf = (ids: string[]) => Promise.all(ids.map((id) => deliveryOf(t.dataSource, id)));

  /** A student who accepted the booking and reminder templates a few times. */
  async function subscribedStudent() {
    const session = await signInStudent(t.api);
    for (let i = 0; i < 3; i += 1) {
      const granted = await session.api.post('me/subscriptions', {
        results: { [BOOKED]: 'accept', [REMINDER]: 'accept' },
      });
      expect(granted.status).toBe(200);
    }
    return session;
  }

  it('cancelling an appointment takes back its reminders (inbox entries and pushes); the confirmation stays', async () => {
    const { api, user } = await subscribedStudent();
    const slot = await slotFactory.create(t.dataSource, advisor.id, 50);
    const booked = await api.post<AppointmentDto>('appointments', { slotId: slot.id, topic: 'resume' });
    expect(booked.status).toBe(201);
    const before = await entriesOf(booked.body.id);
    expect(before.map((row) => row.dedupe_key.split(':').slice(2).join(':'))).toEqual([
      'booked',
      'reminder:day',
      'reminder:hour',
    ]);
    const reminders = before.filter((row) => row.dedupe_key.includes(':reminder:'));
    expect((await deliveriesOf(reminders.map((row) => row.id))).map((row) => row?.status)).toEqual([
      DeliveryStatus.Queued,
      DeliveryStatus.Queued,
    ]);
    const confirmation = before.find((row) => row.dedupe_key.endsWith(':booked'));
    await settledDelivery(t.dataSource, confirmation?.id ?? '', [DeliveryStatus.Sent]);

    const cancelled = await api.post(`appointments/${booked.body.id}/cancel`);
    expect(cancelled.status).toBe(200);

    const after = await entriesOf(booked.body.id);
    expect(after.map((row) => row.dedupe_key.split(':').slice(2).join(':'))).toEqual(['booked', 'cancelled']);
    expect(await deliveriesOf(reminders.map((row) => row.id))).toEqual([null, null]);
    expect((await deliveryOf(t.dataSource, confirmation?.id ?? ''))?.status).toBe(DeliveryStatus.Sent);
    const inbox = await api.get<NotificationListResponse>('me/notifications');
    expect(inbox.body.items.map((item) => item.kind).sort()).toEqual([
      NotificationKind.AppointmentBooked,
      NotificationKind.AppointmentCancelled,
    ]);
    // The reminder grants were never used, so the student still has all three.
    expect(await grantOf(t.dataSource, user.id, REMINDER)).toBe(3);
  });

  it('rescheduling takes back the old reminders and schedules new ones', async () => {
    const { api } = await subscribedStudent();
    const first = await slotFactory.create(t.dataSource, advisor.id, 60);
    const second = await slotFactory.create(t.dataSource, advisor.id, 75);
    const booked = await api.post<AppointmentDto>('appointments', { slotId: first.id, topic: 'resume' });
    expect(booked.status).toBe(201);
    const oldReminders = (await entriesOf(booked.body.id)).filter((row) =>
      row.dedupe_key.includes(':reminder:'),
    );
    expect(oldReminders).toHaveLength(2);

    const moved = await api.post<AppointmentDto>(`appointments/${booked.body.id}/reschedule`, {
      slotId: second.id,
    });
    expect(moved.status).toBe(201);
    expect(moved.body.id).not.toBe(booked.body.id);

    const old = await entriesOf(booked.body.id);
    expect(old.filter((row) => row.dedupe_key.includes(':reminder:'))).toEqual([]);
    expect(await deliveriesOf(oldReminders.map((row) => row.id))).toEqual([null, null]);
    const fresh = (await entriesOf(moved.body.id)).filter((row) => row.dedupe_key.includes(':reminder:'));
    expect(fresh).toHaveLength(2);
    expect((await deliveriesOf(fresh.map((row) => row.id))).map((row) => row?.status)).toEqual([
      DeliveryStatus.Queued,
      DeliveryStatus.Queued,
    ]);
  });

  it('keeps an entry already shown but withdraws its push that has not gone out, and counts exactly', async () => {
    sequence += 1;
    const { user } = await signIn(t.api, 'student', { openid: `o-withdraw-${process.pid}-${sequence}` });
    const key = `withdraw-test:${sequence}`;
    // Shown now, its push held back (as quiet hours would): move the push a day ahead before it goes out.
    const later = new Date(Date.now() + 86_400_000);
    const shown = await runInTransaction(t.dataSource, async (manager) => {
      const result = await service().notify(manager, {
        userId: user.id,
        kind: NotificationKind.System,
        title: '已显示的消息',
        body: '正文',
        dedupeKey: `${key}:shown`,
        wechat: {},
      });
      await manager.query('UPDATE notification_deliveries SET due_at = ? WHERE notification_id = ?', [
        t.dataSource.options.type === 'better-sqlite3'
          ? later.toISOString().replace('T', ' ').replace('Z', '')
          : later,
        result.notificationId,
      ]);
      return result;
    });
    const scheduled = await notify(t, {
      userId: user.id,
      kind: NotificationKind.System,
      title: '还没到时间的消息',
      body: '正文',
      dedupeKey: `${key}:scheduled`,
      dueAt: later,
      wechat: {},
    });

    const outcome = await runInTransaction(t.dataSource, (manager) =>
      service().withdraw(manager, user.id, [`${key}:shown`, `${key}:scheduled`, `${key}:unknown`]),
    );
    // Counts read from raw UPDATE/DELETE: on SQLite the driver's plain answer is the last row id, not a count.
    expect(outcome).toEqual({ removed: 1, pushesWithdrawn: 2 });
    expect((await deliveryOf(t.dataSource, shown.notificationId))?.status).toBe(DeliveryStatus.Withdrawn);
    expect(await deliveryOf(t.dataSource, scheduled.notificationId)).toBeNull();
    const left = await t.dataSource.query<Row[]>(
      'SELECT id, dedupe_key FROM notifications WHERE user_id = ?',
      [user.id],
    );
    expect(left.map((row) => row.id)).toEqual([shown.notificationId]);

    // Nothing is left to withdraw the second time.
    const again = await runInTransaction(t.dataSource, (manager) =>
      service().withdraw(manager, user.id, [`${key}:shown`, `${key}:scheduled`]),
    );
    expect(again).toEqual({ removed: 0, pushesWithdrawn: 0 });
  });

  it('leaves a sent push alone, and a claimed one is not sent once withdrawn', async () => {
    sequence += 1;
    const openid = `o-withdraw-${process.pid}-${sequence}`;
    const { user, api } = await signIn(t.api, 'student', { openid });
    await api.post('me/subscriptions', { results: { [SYSTEM]: 'accept' } });
    const sent = await notify(t, {
      userId: user.id,
      kind: NotificationKind.System,
      title: '已发出的消息',
      body: '正文',
      dedupeKey: `withdraw-sent:${sequence}`,
      wechat: {},
    });
    await settledDelivery(t.dataSource, sent.notificationId, [DeliveryStatus.Sent]);
    const kept = await runInTransaction(t.dataSource, (manager) =>
      service().withdraw(manager, user.id, [`withdraw-sent:${sequence}`]),
    );
    expect(kept).toEqual({ removed: 0, pushesWithdrawn: 0 });
    expect((await deliveryOf(t.dataSource, sent.notificationId))?.status).toBe(DeliveryStatus.Sent);

    // A claim taken by a worker that has not started sending: the withdrawal wins, and the worker's
    // re-check before the attempt finds nothing it may send.
    const deliveries = t.app.get(DeliveriesRepository);
    const owner = `withdraw-test-worker-${sequence}`;
    const due = new Date(Date.now() + 3_600_000);
    const claimed = await notify(t, {
      userId: user.id,
      kind: NotificationKind.System,
      title: '被领取的消息',
      body: '正文',
      dedupeKey: `withdraw-claimed:${sequence}`,
      dueAt: due,
      wechat: {},
    });
    const now = new Date(due.getTime() + 1000);
    const batch = await deliveries.claimDue(owner, {
      limit: 1000,
      now,
      leaseUntil: new Date(now.getTime() + 60_000),
      onlyUrgent: false,
    });
    expect(batch.map((delivery) => delivery.notificationId)).toContain(claimed.notificationId);
    const others = batch.filter((delivery) => delivery.notificationId !== claimed.notificationId);
    await deliveries.release(
      others.map((delivery) => delivery.notificationId),
      null,
      new Date(),
    );

    const outcome = await runInTransaction(t.dataSource, (manager) =>
      service().withdraw(manager, user.id, [`withdraw-claimed:${sequence}`]),
    );
    expect(outcome).toEqual({ removed: 1, pushesWithdrawn: 1 });
    const started = await runInTransaction(t.dataSource, async (manager) => ({
      held: await deliveries.lockHeld(manager, owner, [claimed.notificationId]),
      started: await deliveries.startAttempts(manager, owner, now, [
        { ids: [claimed.notificationId], grantConsumed: false, pushDay: null },
      ]),
    }));
    expect(started.held.size).toBe(0);
    expect(started.started.size).toBe(0);
  });
});

describe('rows changed by raw statements, on either driver', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the rows an UPDATE or DELETE changed, not the driver raw result', async () => {
    const { user, api } = await signIn(t.api, 'student', { openid: `o-affected-${process.pid}` });
    await api.post('me/subscriptions', { results: { [SYSTEM]: 'accept' } });
    await api.post('me/subscriptions', { results: { [SYSTEM]: 'accept' } });
    const grants = t.app.get(SubscriptionGrantsRepository);
    const consumed = await runInTransaction(t.dataSource, async (manager) => [
      await grants.consume(manager, user.id, SYSTEM, new Date()),
      await grants.consume(manager, user.id, SYSTEM, new Date()),
      await grants.consume(manager, user.id, SYSTEM, new Date()),
    ]);
    expect(consumed).toEqual([true, true, false]);
    expect(await grantOf(t.dataSource, user.id, SYSTEM)).toBe(0);
    const counters = t.app.get(PushCountersRepository);
    const counted = await runInTransaction(t.dataSource, async (manager) => [
      await counters.tryCount(manager, user.id, '2026-11-26', 2),
      await counters.tryCount(manager, user.id, '2026-11-26', 2),
      await counters.tryCount(manager, user.id, '2026-11-26', 2),
    ]);
    expect(counted).toEqual([true, true, false]);

    const counts = await runInTransaction(t.dataSource, async (manager) => ({
      none: await execute(manager, 'UPDATE subscription_grants SET remaining = 5 WHERE user_id = ?', [
        'nobody',
      ]),
      one: await execute(manager, 'UPDATE subscription_grants SET remaining = 5 WHERE user_id = ?', [
        user.id,
      ]),
      deleted: await execute(manager, 'DELETE FROM subscription_grants WHERE user_id = ?', [user.id]),
    }));
    expect(counts).toEqual({ none: 0, one: 1, deleted: 1 });
    // Outside a transaction too (the helper borrows a query runner of its own).
    expect(
      await execute(t.dataSource.manager, 'DELETE FROM subscription_grants WHERE user_id = ?', [user.id]),
    ).toBe(0);
  });
});
