import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MuseumPage, NotificationKind } from '@careerside/shared';
import { NotificationsService } from '../notifications/notifications.service';
import type { MuseumExhibitEntity } from './museum-exhibit.entity';
import type { MuseumHallEntity } from './museum-hall.entity';
import { MuseumEngagementRepository } from './museum-engagement.repository';

/** Tells a hall's followers of a new exhibit, inside the publishing transaction (issue 3's outbox). */
@Injectable()
export class MuseumFollowerNotifier {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly engagement: MuseumEngagementRepository,
  ) {}

  async notifyFollowers(
    manager: EntityManager,
    exhibit: Pick<MuseumExhibitEntity, 'id' | 'title' | 'summary' | 'publishedAt'>,
    hall: Pick<MuseumHallEntity, 'id' | 'title'>,
  ): Promise<number> {
    const followers = await this.engagement.followerIds(hall.id, manager);
    if (followers.length === 0) return 0;
    const { notified } = await this.notifications.notifyMany(manager, followers, {
      kind: NotificationKind.MuseumNewExhibit,
      title: Array.from(`「${hall.title}」上新：${exhibit.title}`).slice(0, 100).join(''),
      body: exhibit.summary,
      page: `${MuseumPage.exhibit}?id=${exhibit.id}`,
      payload: { exhibitId: exhibit.id, hallId: hall.id },
      // One message per exhibit per student, however often it is published again.
      dedupeKey: `museum-exhibit:${exhibit.id}`,
      wechat: {
        hallName: hall.title,
        exhibitTitle: exhibit.title,
        publishedAt: exhibit.publishedAt ?? new Date(),
      },
    });
    return notified;
  }
}
