import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  MarkAllNotificationsReadResponse,
  MarkNotificationReadResponse,
  NotificationListResponse,
  UnreadCountResponse,
} from '@careerside/shared';
import { RequestValidationException, ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { runInTransaction } from '../../database/transactions';
import type { UserEntity } from '../users/user.entity';
import type { ListNotificationsQueryDto } from './dto/inbox.dto';
import { decodeCursor, encodeCursor, toNotificationDto } from './notification.mapper';
import { NotificationsRepository } from './notifications.repository';

/** The signed-in user's own inbox. Another user's entry is simply not found. */
@Injectable()
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
  ) {}

  async list(user: UserEntity, query: ListNotificationsQueryDto): Promise<NotificationListResponse> {
    const limit = query.limit ?? 20;
    let after: { visibleAt: Date; id: string } | undefined;
    if (query.cursor) {
      const decoded = decodeCursor(query.cursor);
      if (!decoded) {
        throw new RequestValidationException([
          { field: 'cursor', message: 'cursor must be the nextCursor of a previous page' },
        ]);
      }
      after = { visibleAt: decoded.at, id: decoded.id };
    }
    const now = new Date();
    const [rows, unreadCount] = await Promise.all([
      this.notifications.listVisible(user.id, { now, limit: limit + 1, after, unreadOnly: query.unread }),
      this.notifications.countUnread(user.id, now),
    ]);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toNotificationDto),
      nextCursor: rows.length > limit && last ? encodeCursor(last.visibleAt, last.id) : null,
      unreadCount,
    };
  }

  async unreadCount(user: UserEntity): Promise<UnreadCountResponse> {
    return { unreadCount: await this.notifications.countUnread(user.id, new Date()) };
  }

  async markRead(user: UserEntity, id: string): Promise<MarkNotificationReadResponse> {
    const now = new Date();
    await runInTransaction(this.dataSource, (manager) =>
      this.notifications.markRead(manager, user.id, id, now),
    );
    const notification = await this.notifications.findVisible(user.id, id, now);
    if (!notification) throw new ResourceNotFoundException('Notification');
    return {
      notification: toNotificationDto(notification),
      unreadCount: await this.notifications.countUnread(user.id, now),
    };
  }

  async markAllRead(user: UserEntity): Promise<MarkAllNotificationsReadResponse> {
    const now = new Date();
    const marked = await runInTransaction(this.dataSource, (manager) =>
      this.notifications.markAllRead(manager, user.id, now),
    );
    return { marked, unreadCount: await this.notifications.countUnread(user.id, now) };
  }
}
