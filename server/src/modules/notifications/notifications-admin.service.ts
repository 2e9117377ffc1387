import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  type CreateAnnouncementResponse,
  DELIVERY_STATUSES,
  type DeliveryCounts,
  type DeliveryDto,
  type DeliveryListResponse,
  DeliveryStatus,
  type DeliveryStatsResponse,
  NotificationKind,
  type RetryDeliveriesResponse,
} from '@careerside/shared';
import { uuidV7 } from '../../common/ids/uuid-v7';
import { RequestValidationException, ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { runInTransaction } from '../../database/transactions';
import { WorkScheduler } from '../scheduling/work-scheduler';
import { DeliveriesRepository } from './deliveries.repository';
import type {
  CreateAnnouncementDto,
  DeliveryStatsQueryDto,
  ListDeliveriesQueryDto,
  RetryDeliveriesDto,
} from './dto/admin-notifications.dto';
import { decodeCursor, encodeCursor, toDeliveryDto } from './notification.mapper';
import { NotificationsRepository } from './notifications.repository';
import { DISPATCH_WORK, NotificationsService } from './notifications.service';
import { DeliveryNotRetryableException } from './notifications.exception';

const RETRYABLE: readonly DeliveryStatus[] = [
  DeliveryStatus.Dead,
  DeliveryStatus.Unconfirmed,
  DeliveryStatus.Failed,
];
const DEFAULT_STATS_DAYS = 30;

const zeroCounts = (): DeliveryCounts =>
  Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as DeliveryCounts;

/** What center staff see and do about deliveries: counts, dead letters, retries, announcements. */
@Injectable()
export class NotificationsAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesRepository,
    private readonly notificationsRepository: NotificationsRepository,
    private readonly notifications: NotificationsService,
    private readonly scheduler: WorkScheduler,
  ) {}

  async stats(query: DeliveryStatsQueryDto): Promise<DeliveryStatsResponse> {
    const since = query.since
      ? new Date(query.since)
      : new Date(Date.now() - DEFAULT_STATS_DAYS * 86_400_000);
    const byKind = new Map<NotificationKind, DeliveryCounts>();
    const totals = zeroCounts();
    for (const row of await this.deliveries.stats(since)) {
      const counts = byKind.get(row.kind) ?? zeroCounts();
      counts[row.status] += row.count;
      totals[row.status] += row.count;
      byKind.set(row.kind, counts);
    }
    const sum = (counts: DeliveryCounts) => Object.values(counts).reduce((total, count) => total + count, 0);
    return {
      since: since.toISOString(),
      items: [...byKind.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, counts]) => ({ kind, total: sum(counts), counts })),
      totals: { total: sum(totals), counts: totals },
    };
  }

  async list(query: ListDeliveriesQueryDto): Promise<DeliveryListResponse> {
    const limit = query.limit ?? 20;
    let after: { createdAt: Date; notificationId: string } | undefined;
    if (query.cursor) {
      const decoded = decodeCursor(query.cursor);
      if (!decoded) {
        throw new RequestValidationException([
          { field: 'cursor', message: 'cursor must be the nextCursor of a previous page' },
        ]);
      }
      after = { createdAt: decoded.at, notificationId: decoded.id };
    }
    const rows = await this.deliveries.list({
      status: query.status,
      kind: query.kind,
      limit: limit + 1,
      after,
    });
    const page = rows.slice(0, limit);
    const titles = await this.notificationsRepository.titles(page.map((row) => row.notificationId));
    const last = page.at(-1);
    return {
      items: page.map((row) => toDeliveryDto(row, titles.get(row.notificationId) ?? '')),
      nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.notificationId) : null,
    };
  }

  /** Queues one dead, unconfirmed or failed delivery again, now, with a fresh set of attempts. */
  async retry(notificationId: string): Promise<DeliveryDto> {
    const delivery = await this.deliveries.findOne(notificationId);
    if (!delivery) throw new ResourceNotFoundException('Delivery');
    if (!RETRYABLE.includes(delivery.status)) throw new DeliveryNotRetryableException(delivery.status);
    const requeued = await runInTransaction(this.dataSource, (manager) =>
      this.deliveries.requeue(manager, { notificationId, statuses: RETRYABLE }, new Date()),
    );
    if (requeued === 0) {
      const now = await this.deliveries.findOne(notificationId);
      throw new DeliveryNotRetryableException(now?.status ?? delivery.status);
    }
    this.scheduler.nudge(DISPATCH_WORK);
    const updated = await this.deliveries.findOne(notificationId);
    const titles = await this.notificationsRepository.titles([notificationId]);
    if (!updated) throw new ResourceNotFoundException('Delivery');
    return toDeliveryDto(updated, titles.get(notificationId) ?? '');
  }

  async retryMany(request: RetryDeliveriesDto): Promise<RetryDeliveriesResponse> {
    const status = request.status === 'unconfirmed' ? DeliveryStatus.Unconfirmed : DeliveryStatus.Dead;
    const retried = await runInTransaction(this.dataSource, (manager) =>
      this.deliveries.requeue(manager, { statuses: [status], kind: request.kind }, new Date()),
    );
    if (retried > 0) this.scheduler.nudge(DISPATCH_WORK);
    return { retried };
  }

  async announce(request: CreateAnnouncementDto): Promise<CreateAnnouncementResponse> {
    const id = uuidV7();
    return runInTransaction(this.dataSource, (manager) =>
      this.notifications.notifyRoles(manager, request.roles, {
        kind: NotificationKind.System,
        title: request.title,
        body: request.body,
        page: request.page ?? null,
        payload: { announcementId: id },
        dedupeKey: `announcement:${id}`,
        wechat: {},
      }),
    );
  }
}
