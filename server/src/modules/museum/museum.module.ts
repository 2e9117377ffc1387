import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MediaModule } from '../media/media.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { MuseumAdminController } from './museum-admin.controller';
import { MuseumAdminService } from './museum-admin.service';
import { MuseumController } from './museum.controller';
import { MuseumHallFollowEntity, MuseumReactionEntity, MuseumVisitEntity } from './museum-engagement.entity';
import { MuseumEngagementRepository } from './museum-engagement.repository';
import { MuseumExhibitTagEntity } from './museum-exhibit-tag.entity';
import { MuseumExhibitEntity } from './museum-exhibit.entity';
import { MuseumFollowerNotifier } from './museum-follower-notifier';
import { MuseumHallEntity } from './museum-hall.entity';
import { MuseumPresenter } from './museum-presenter';
import { MuseumRepository } from './museum.repository';
import { MuseumService } from './museum.service';
import { MuseumViewCounter } from './museum-view-counter';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      MuseumHallEntity,
      MuseumExhibitEntity,
      MuseumExhibitTagEntity,
      MuseumReactionEntity,
      MuseumVisitEntity,
      MuseumHallFollowEntity,
    ]),
    MediaModule,
    NotificationsModule,
  ],
  controllers: [MuseumController, MuseumAdminController],
  providers: [
    MuseumRepository,
    MuseumEngagementRepository,
    MuseumPresenter,
    MuseumService,
    MuseumAdminService,
    MuseumViewCounter,
    MuseumFollowerNotifier,
  ],
  exports: [MuseumRepository],
})
export class MuseumModule {}
