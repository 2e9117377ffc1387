import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Role, SubscriptionMode } from '@careerside/shared';
import { zonedDate } from '../../../common/time/zoned-time';
import type { AppConfig } from '../../../config/app-config';
import { InjectConfig } from '../../../config/inject-config.decorator';
import { runInTransaction } from '../../../database/transactions';
import { WorkScheduler, type WorkOutcome } from '../../scheduling/work-scheduler';
import type { SendFailure } from '../../wechat/send-failure';
import { SEND_RATE_LIMITER, type SendRateLimiter } from '../../wechat/send-rate-limiter';
import { type SendResult, SubscribeMessageSender } from '../../wechat/subscribe-message.sender';
import { type ClaimedDelivery, DeliveriesRepository } from '../deliveries.repository';
import { DISPATCH_WORK, NotificationsService } from '../notifications.service';
import { PushCountersRepository } from '../push-counters.repository';
import { SubscriptionGrantsRepository } from '../subscription-grants.repository';
import { KIND_POLICY } from '../templates/kind-policy';
import { buildTemplateData } from '../templates/template-data';
import { TemplateRegistry } from '../templates/template-registry';
import { backoffDelay } from './backoff';
import { isQuietTime } from './quiet-hours';

/** How long one run keeps claiming before it hands over (BullMQ then lets other processes join). */
const RUN_BUDGET_MS = 10_000;
/** Chunks that move through consent, sending and recording side by side, so the database and WeChat overlap. */
const LANES = 4;
/**
 * A chunk holds at least this much sending at the configured rate, so its few statements are shared by
 * enough pushes to keep up with a high WECHAT_SEND_RATE (at the default 50/s this changes nothing). It is
 * also what a killed worker can leave unconfirmed, so it stays short.
 */
const CHUNK_SEND_WINDOW_MS = 10;
const MAX_CHUNK = 50;
/** How long before its first send slot a chunk starts its transaction. */
const PREPARE_LEAD_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Claims due WeChat deliveries and sends them. A chunk at a time, in one transaction before the HTTP calls:
 * take one-time grants (none left: skipped), count capped pushes against the daily cap (over it: folded
 * into a digest), and commit that the attempts start. Then send, rate-limited, and record the outcomes in a
 * second transaction: sent; retry later with backoff; or dead with the reason. Several chunks are under
 * way at once, together never more than `concurrency` pushes on the wire.
 *
 * A worker that dies leaves claims whose lease lapses. The next run gives back the ones it never started
 * and marks the ones it had on the wire `unconfirmed` (WeChat has no idempotency key, so resending could
 * repeat a message): the chunks it had started, at most `concurrency` or about 40 ms of sending at the
 * configured rate per dead worker, whichever is more; shown to staff, who can retry them.
 */
@Injectable()
export class DeliveryDispatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('DeliveryDispatcher');
  /** This process's name on its claims. */
  readonly owner = `${hostname().slice(0, 30)}-${process.pid}-${randomBytes(4).toString('hex')}`;
  private stopping = false;
  private lastRecoveryAt = 0;
  /** Pushes this process has on the wire, and the sends waiting for one of the `concurrency` places. */
  private onTheWire = 0;
  private readonly waitingForWire: (() => void)[] = [];

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesRepository,
    private readonly grants: SubscriptionGrantsRepository,
    private readonly counters: PushCountersRepository,
    private readonly registry: TemplateRegistry,
    private readonly notifications: NotificationsService,
    private readonly sender: SubscribeMessageSender,
    @Inject(SEND_RATE_LIMITER) private readonly rateLimiter: SendRateLimiter,
    private readonly scheduler: WorkScheduler,
  ) {}

  onModuleInit(): void {
    if (!this.sender.isConfigured) return;
    this.scheduler.register({
      name: DISPATCH_WORK,
      everyMs: this.config.notifications.pollMs,
      run: () => this.dispatch(),
    });
  }

  /** Shutdown: stop claiming; the chunks on the wire finish and untouched claims are given back. */
  onModuleDestroy(): void {
    this.stopping = true;
  }

  /** One run: recover lapsed claims now and then, then claim and send until nothing is due. */
  async dispatch(): Promise<WorkOutcome> {
    const started = Date.now();
    await this.recoverLapsedClaims();
    const { batchSize, leaseMs, concurrency } = this.config.notifications;
    const lanes = Math.min(LANES, concurrency);
    const byRate = Math.ceil((this.config.wechat.sendRatePerSecond * CHUNK_SEND_WINDOW_MS) / 1000);
    const chunkSize = Math.max(Math.ceil(concurrency / lanes), Math.min(MAX_CHUNK, byRate));
    const queue: ClaimedDelivery[] = [];
    let exhausted = false;
    let overBudget = false;
    let refilling: Promise<void> | null = null;

    // One claim at a time; lanes that find the queue empty wait for it.
    const refill = () =>
      (refilling ??= (async () => {
        if (this.stopping || exhausted) return;
        if (Date.now() - started > RUN_BUDGET_MS) {
          overBudget = true;
          exhausted = true;
          return;
        }
        const now = new Date();
        const batch = await this.deliveries.claimDue(this.owner, {
          limit: batchSize,
          now,
          leaseUntil: new Date(now.getTime() + leaseMs),
          // In quiet hours only urgent pushes go out; the rest wait for the window to end.
          onlyUrgent: isQuietTime(now, this.config.center.quietHours, this.config.center.timezone),
        });
        if (batch.length < batchSize) exhausted = true;
        queue.push(...(await this.skipWithoutConsent(batch)));
      })().finally(() => {
        refilling = null;
      }));

    const lane = async (): Promise<void> => {
      // The outcomes of a lane's last chunk are recorded while its next chunk goes out.
      let recording: Promise<void> = Promise.resolve();
      try {
        for (;;) {
          if (this.stopping) return;
          if (queue.length < chunkSize * lanes * 2 && !exhausted) {
            // Claim ahead while there is still work in hand; wait for the claim only when there is none.
            const claiming = refill();
            if (queue.length === 0) await claiming;
            else claiming.catch(() => undefined);
          }
          const chunk = queue.splice(0, chunkSize);
          if (chunk.length === 0) {
            if (exhausted) return;
            continue;
          }
          const { recorded } = await this.sendChunk(chunk);
          await recording;
          recording = recorded;
        }
      } finally {
        await recording;
      }
    };

    const renewal = setInterval(() => {
      this.deliveries
        .renewLeases(this.owner, new Date(Date.now() + leaseMs))
        .catch((error: Error) =>
          this.logger.warn({ reason: error.message }, 'Could not renew delivery leases'),
        );
    }, leaseMs / 3);
    try {
      await Promise.all(Array.from({ length: lanes }, lane));
    } finally {
      clearInterval(renewal);
      if (queue.length > 0) {
        await this.deliveries.release(
          queue.splice(0).map((delivery) => delivery.notificationId),
          null,
          new Date(),
        );
      }
    }
    return overBudget && !this.stopping ? { more: true } : {};
  }

  private async recoverLapsedClaims(): Promise<void> {
    const now = Date.now();
    if (now - this.lastRecoveryAt < Math.min(this.config.notifications.leaseMs / 2, 10_000)) return;
    this.lastRecoveryAt = now;
    const { requeued, unconfirmed } = await this.deliveries.recoverLapsed(new Date(now));
    if (requeued > 0)
      this.logger.log({ requeued }, 'Requeued deliveries a stopped worker had claimed but not started');
    if (unconfirmed > 0) {
      this.logger.warn(
        { unconfirmed },
        'Deliveries a stopped worker had on the wire are now unconfirmed (not resent; staff can retry them)',
      );
    }
  }

  /** Most users never subscribe: settle those in one statement instead of locking grants for each. */
  private async skipWithoutConsent(batch: ClaimedDelivery[]): Promise<ClaimedDelivery[]> {
    if (batch.length === 0) return batch;
    const granted = await this.grants.grantedPairs(batch.map((delivery) => delivery.userId));
    const without = batch.filter(
      (delivery) => !delivery.grantConsumed && !granted.has(`${delivery.userId}|${delivery.templateId}`),
    );
    if (without.length > 0) {
      await runInTransaction(this.dataSource, (manager) =>
        this.deliveries.markSkipped(
          manager,
          without.map((delivery) => delivery.notificationId),
          'no subscription granted for this template',
          new Date(),
        ),
      );
    }
    return batch.filter((delivery) => !without.includes(delivery));
  }

  /** Sends a chunk; answers once the sends are done, with the recording of their outcomes under way. */
  private async sendChunk(chunk: ClaimedDelivery[]): Promise<{ recorded: Promise<void> }> {
    const reservedAt = Date.now();
    const slots = await this.rateLimiter.reserve(chunk.length);
    // The transaction runs while the chunk waits for its send slots (not after), so the database's time is
    // not added to the sending time; but only shortly before, so attempts are not marked started long before.
    await sleep(Math.max(0, (slots[0] ?? 0) - PREPARE_LEAD_MS));
    // Fresh copies per attempt: a transaction retried after a deadlock must not see the last one's marks.
    const ready = await runInTransaction(this.dataSource, (manager) =>
      this.prepare(
        manager,
        chunk.map((delivery) => ({ ...delivery })),
        new Date(),
      ),
    );
    const results = await Promise.all(
      ready.map(async (delivery, index) => {
        await sleep(Math.max(0, (slots[index] ?? 0) - (Date.now() - reservedAt)));
        return { delivery, result: await this.onWire(() => this.send(delivery)) };
      }),
    );
    const recorded = runInTransaction(this.dataSource, async (manager) => {
      const now = new Date();
      await this.deliveries.markSent(
        manager,
        results.filter(({ result }) => result.ok).map(({ delivery }) => delivery.notificationId),
        now,
      );
      for (const { delivery, result } of results) {
        if (!result.ok) await this.recordFailure(manager, delivery, result, now);
      }
    });
    // Awaited by the lane; until then an early failure must not count as unhandled.
    recorded.catch(() => undefined);
    return { recorded };
  }

  /**
   * Consent, cap and the committed start of the attempts, for a whole chunk in a few statements. Answers
   * the deliveries to send now.
   */
  private async prepare(
    manager: EntityManager,
    claimed: ClaimedDelivery[],
    now: Date,
  ): Promise<ClaimedDelivery[]> {
    // Withdrawn (or recovered by another worker) since the claim: not ours to send any more.
    const held = await this.deliveries.lockHeld(
      manager,
      this.owner,
      claimed.map((delivery) => delivery.notificationId),
    );
    const chunk = claimed.filter((delivery) => held.has(delivery.notificationId));
    const oneTime = (delivery: ClaimedDelivery) =>
      (this.registry.forKind(delivery.kind)?.mode ?? SubscriptionMode.OneTime) === SubscriptionMode.OneTime;

    // Consent: each one-time push takes one grant, within what the user has left of that template.
    const skipped: ClaimedDelivery[] = [];
    let candidates: ClaimedDelivery[] = [];
    const needing = chunk.filter((delivery) => oneTime(delivery) && !delivery.grantConsumed);
    for (const templateId of [...new Set(needing.map((delivery) => delivery.templateId))].sort()) {
      const forTemplate = needing.filter((delivery) => delivery.templateId === templateId);
      const left = await this.grants.lockRemaining(
        manager,
        templateId,
        forTemplate.map((delivery) => delivery.userId),
      );
      const deltas = new Map<string, number>();
      for (const delivery of forTemplate) {
        const remaining = left.get(delivery.userId) ?? 0;
        if (remaining <= 0) {
          skipped.push(delivery);
          continue;
        }
        left.set(delivery.userId, remaining - 1);
        deltas.set(delivery.userId, (deltas.get(delivery.userId) ?? 0) - 1);
        candidates.push(delivery);
      }
      await this.grants.adjust(manager, templateId, deltas, now);
    }
    const consumedNow = new Set(candidates);
    candidates = [...candidates, ...chunk.filter((delivery) => !needing.includes(delivery))];
    if (skipped.length > 0) {
      await this.deliveries.markSkipped(
        manager,
        skipped.map((delivery) => delivery.notificationId),
        'no subscription left for this template',
        now,
      );
    }

    // The daily cap: informational pushes to students, counted once per push and center day.
    const cap = this.config.notifications.dailyPushCap;
    const day = zonedDate(now, this.config.center.timezone);
    const capped = candidates.filter(
      (delivery) =>
        cap > 0 &&
        !delivery.urgent &&
        delivery.pushDay === null &&
        delivery.role === Role.Student &&
        KIND_POLICY[delivery.kind].capped,
    );
    const folded: ClaimedDelivery[] = [];
    if (capped.length > 0) {
      const pushes = await this.counters.lockCounts(
        manager,
        day,
        capped.map((delivery) => delivery.userId),
      );
      const added = new Map<string, number>();
      for (const delivery of capped) {
        const count = pushes.get(delivery.userId) ?? 0;
        if (count >= cap) {
          folded.push(delivery);
          continue;
        }
        pushes.set(delivery.userId, count + 1);
        added.set(delivery.userId, (added.get(delivery.userId) ?? 0) + 1);
        delivery.pushDay = day;
      }
      await this.counters.add(manager, day, added);
    }
    for (const delivery of folded) {
      if (consumedNow.has(delivery)) {
        await this.grants.adjust(manager, delivery.templateId, new Map([[delivery.userId, 1]]), now);
      }
      await this.notifications.foldIntoDigest(manager, delivery, now);
    }
    candidates = candidates.filter((delivery) => !folded.includes(delivery));

    // Commit that these attempts start; only deliveries this worker still holds are sent.
    const groups = new Map<string, { ids: string[]; grantConsumed: boolean; pushDay: string | null }>();
    for (const delivery of candidates) {
      const grantConsumed = delivery.grantConsumed || consumedNow.has(delivery);
      const key = `${grantConsumed}|${delivery.pushDay ?? ''}`;
      const group = groups.get(key) ?? { ids: [], grantConsumed, pushDay: delivery.pushDay };
      group.ids.push(delivery.notificationId);
      groups.set(key, group);
    }
    const started = await this.deliveries.startAttempts(manager, this.owner, now, [...groups.values()]);
    for (const delivery of candidates) {
      if (started.has(delivery.notificationId)) continue;
      // Recovered by another worker meanwhile: leave it alone and give back what was taken for it.
      if (consumedNow.has(delivery)) {
        await this.grants.adjust(manager, delivery.templateId, new Map([[delivery.userId, 1]]), now);
      }
      if (delivery.pushDay === day && capped.includes(delivery)) {
        await this.counters.uncount(manager, delivery.userId, day);
      }
    }
    return candidates
      .filter((delivery) => started.has(delivery.notificationId))
      .map((delivery) => {
        delivery.grantConsumed ||= consumedNow.has(delivery);
        delivery.attempts += 1;
        return delivery;
      });
  }

  /** Never more than `concurrency` pushes of this process on the wire at once. */
  private async onWire<T>(work: () => Promise<T>): Promise<T> {
    if (this.onTheWire >= this.config.notifications.concurrency) {
      await new Promise<void>((resolve) => this.waitingForWire.push(resolve));
    } else {
      this.onTheWire += 1;
    }
    try {
      return await work();
    } finally {
      const next = this.waitingForWire.shift();
      if (next) next();
      else this.onTheWire -= 1;
    }
  }

  private async send(delivery: ClaimedDelivery): Promise<SendResult> {
    const template = this.registry.forKind(delivery.kind);
    if (!template)
      return { ok: false, kind: 'rejected', reason: `no WeChat template is configured for ${delivery.kind}` };
    let fields: Record<string, string | number | null> = {};
    try {
      fields = delivery.fields ? (JSON.parse(delivery.fields) as typeof fields) : {};
    } catch {
      fields = {};
    }
    return this.sender.send({
      touser: delivery.openid,
      templateId: delivery.templateId,
      page: delivery.page ?? undefined,
      data: buildTemplateData(
        template,
        { title: delivery.title, body: delivery.body, fields },
        this.config.center.timezone,
      ),
      miniprogramState: this.config.wechat.miniprogramState,
      lang: 'zh_CN',
    });
  }

  private async recordFailure(
    manager: EntityManager,
    delivery: ClaimedDelivery,
    failure: SendFailure,
    now: Date,
  ): Promise<void> {
    const { retry } = this.config.notifications;
    if (failure.kind === 'retry' && delivery.attempts < retry.maxAttempts) {
      const dueAt = new Date(now.getTime() + backoffDelay(delivery.attempts, retry));
      await this.deliveries.markRetry(manager, delivery.notificationId, failure.reason, dueAt, now);
      return;
    }
    const reason =
      failure.kind === 'retry'
        ? `gave up after ${delivery.attempts} attempts: ${failure.reason}`
        : failure.kind === 'refused'
          ? `refused by the user (no subscription at WeChat): ${failure.reason}`
          : `rejected by WeChat: ${failure.reason}`;
    await this.deliveries.markDead(manager, delivery.notificationId, reason, now);
    // The push never reached the user: it takes nothing from them. A refusal means they have nothing left.
    if (failure.kind === 'refused')
      await this.grants.zero(manager, delivery.userId, delivery.templateId, now);
    else if (delivery.grantConsumed)
      await this.grants.refund(manager, delivery.userId, delivery.templateId, now);
    if (delivery.pushDay) await this.counters.uncount(manager, delivery.userId, delivery.pushDay);
  }
}
