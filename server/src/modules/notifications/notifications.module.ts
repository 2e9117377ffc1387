import { Module } from '@nestjs/common';
import { WechatModule } from '../wechat/wechat.module';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryDispatcher } from './delivery/dispatcher.service';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { NotificationsAdminController } from './notifications-admin.controller';
import { NotificationsAdminService } from './notifications-admin.service';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { PushCountersRepository } from './push-counters.repository';
import { SubscriptionGrantsRepository } from './subscription-grants.repository';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';
import { TemplateRegistry } from './templates/template-registry';

/**
 * Inbox, consent wallet and WeChat delivery. Other modules import it and call NotificationsService.notify /
 * notifyMany inside their own transactions; WorkScheduler (global) is for their periodic jobs.
 */
@Module({
  imports: [WechatModule],
  controllers: [InboxController, SubscriptionsController, NotificationsAdminController],
  providers: [
    NotificationsService,
    NotificationsRepository,
    DeliveriesRepository,
    SubscriptionGrantsRepository,
    PushCountersRepository,
    TemplateRegistry,
    DeliveryDispatcher,
    InboxService,
    SubscriptionsService,
    NotificationsAdminService,
  ],
  exports: [NotificationsService, TemplateRegistry],
})
export class NotificationsModule {}
