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

type Prepared = { delivery: ClaimedDelivery; consumedNow: boolean; countedNow: boolean };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Claims due WeChat deliveries and sends them. Per push, in one transaction before the HTTP call: take a
 * one-time grant (none left: skipped), count it against the daily cap (over it: folded into a digest), and
 * commit that the attempt starts. Then send, rate-limited, at most `concurrency` at a time, and record the
 * outcome: sent; retry later with backoff; or dead with the reason.
 *
 * A worker that dies leaves claims whose lease lapses. The next run gives back the ones it never started
 * and marks the ones it had on the wire `unconfirmed` (WeChat has no idempotency key, so resending could
 * repeat a message): at most `concurrency` per dead worker, shown to staff, who can retry them.
 */
@Injectable()
export class DeliveryDispatcher implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('DeliveryDispatcher');
  /** This process's name on its claims. */
  readonly owner = `${hostname().slice(0, 30)}-${process.pid}-${randomBytes(4).toString('hex')}`;
  private stopping = false;
  private lastRecoveryAt = 0;

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

  /** Shutdown: stop claiming; the chunk on the wire finishes and untouched claims are given back. */
  onModuleDestroy(): void {
    this.stopping = true;
  }

  /** One run: recover lapsed claims now and then, then claim and send batches until none are due. */
  async dispatch(): Promise<WorkOutcome> {
    const started = Date.now();
    await this.recoverLapsedClaims();
    const { batchSize, leaseMs } = this.config.notifications;
    while (!this.stopping) {
      const now = new Date();
      const batch = await this.deliveries.claimDue(this.owner, {
        limit: batchSize,
        now,
        leaseUntil: new Date(now.getTime() + leaseMs),
        // In quiet hours only urgent pushes go out; the rest wait for the window to end.
        onlyUrgent: isQuietTime(now, this.config.center.quietHours, this.config.center.timezone),
      });
      if (batch.length === 0) return {};
      await this.processBatch(batch);
      if (batch.length < batchSize) return {};
      if (Date.now() - started > RUN_BUDGET_MS) return { more: true };
    }
    return {};
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

  private async processBatch(batch: ClaimedDelivery[]): Promise<void> {
    const { leaseMs, concurrency } = this.config.notifications;
    const renewal = setInterval(() => {
      this.deliveries
        .renewLeases(this.owner, new Date(Date.now() + leaseMs))
        .catch((error: Error) =>
          this.logger.warn({ reason: error.message }, 'Could not renew delivery leases'),
        );
    }, leaseMs / 3);
    try {
      // Most users never subscribe: settle those in one statement instead of one conditional update each.
      const granted = await this.grants.grantedPairs(batch.map((delivery) => delivery.userId));
      const withoutConsent = batch.filter(
        (delivery) => !delivery.grantConsumed && !granted.has(`${delivery.userId}|${delivery.templateId}`),
      );
      if (withoutConsent.length > 0) {
        await runInTransaction(this.dataSource, (manager) =>
          this.deliveries.markSkipped(
            manager,
            withoutConsent.map((delivery) => delivery.notificationId),
            'no subscription granted for this template',
            new Date(),
          ),
        );
      }
      const toSend = batch.filter((delivery) => !withoutConsent.includes(delivery));
      for (let i = 0; i < toSend.length; i += concurrency) {
        if (this.stopping) {
          await this.deliveries.release(
            toSend.slice(i).map((delivery) => delivery.notificationId),
            null,
            new Date(),
          );
          return;
        }
        await this.sendChunk(toSend.slice(i, i + concurrency));
      }
    } finally {
      clearInterval(renewal);
    }
  }

  private async sendChunk(chunk: ClaimedDelivery[]): Promise<void> {
    const slots = await this.rateLimiter.reserve(chunk.length);
    await sleep(slots[0] ?? 0);
    const startedAt = Date.now();
    const prepared = await runInTransaction(this.dataSource, async (manager) => {
      const ready: Prepared[] = [];
      const now = new Date();
      for (const delivery of chunk) {
        const outcome = await this.prepare(manager, delivery, now);
        if (outcome) ready.push(outcome);
      }
      return ready;
    });
    const results = await Promise.all(
      prepared.map(async (item, index) => {
        await sleep(Math.max(0, (slots[index] ?? 0) - (slots[0] ?? 0) - (Date.now() - startedAt)));
        return { item, result: await this.send(item.delivery) };
      }),
    );
    await runInTransaction(this.dataSource, async (manager) => {
      const now = new Date();
      await this.deliveries.markSent(
        manager,
        results.filter(({ result }) => result.ok).map(({ item }) => item.delivery.notificationId),
        now,
      );
      for (const { item, result } of results) {
        if (!result.ok) await this.recordFailure(manager, item, result, now);
      }
    });
  }

  /** Consent, cap and the committed start of the attempt; null when this push is not to be sent now. */
  private async prepare(
    manager: EntityManager,
    delivery: ClaimedDelivery,
    now: Date,
  ): Promise<Prepared | null> {
    const template = this.registry.forKind(delivery.kind);
    const oneTime = (template?.mode ?? SubscriptionMode.OneTime) === SubscriptionMode.OneTime;
    let consumedNow = false;
    if (oneTime && !delivery.grantConsumed) {
      if (!(await this.grants.consume(manager, delivery.userId, delivery.templateId, now))) {
        await this.deliveries.markSkipped(
          manager,
          [delivery.notificationId],
          'no subscription left for this template',
          now,
        );
        return null;
      }
      consumedNow = true;
    }

    let countedNow = false;
    const cap = this.config.notifications.dailyPushCap;
    if (
      cap > 0 &&
      !delivery.urgent &&
      delivery.pushDay === null &&
      delivery.role === Role.Student &&
      KIND_POLICY[delivery.kind].capped
    ) {
      const day = zonedDate(now, this.config.center.timezone);
      if (!(await this.counters.tryCount(manager, delivery.userId, day, cap))) {
        if (consumedNow) await this.grants.refund(manager, delivery.userId, delivery.templateId, now);
        await this.notifications.foldIntoDigest(manager, delivery, now);
        return null;
      }
      delivery.pushDay = day;
      countedNow = true;
    }

    const marks = { grantConsumed: delivery.grantConsumed || consumedNow, pushDay: delivery.pushDay };
    if (!(await this.deliveries.startAttempt(manager, delivery.notificationId, this.owner, now, marks))) {
      // Another worker recovered this claim: leave it alone and give back what was taken for it.
      if (consumedNow) await this.grants.refund(manager, delivery.userId, delivery.templateId, now);
      if (countedNow && delivery.pushDay)
        await this.counters.uncount(manager, delivery.userId, delivery.pushDay);
      return null;
    }
    delivery.grantConsumed = marks.grantConsumed;
    delivery.attempts += 1;
    return { delivery, consumedNow, countedNow };
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
    item: Prepared,
    failure: SendFailure,
    now: Date,
  ): Promise<void> {
    const { delivery } = item;
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
