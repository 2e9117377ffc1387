import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiRoute,
  type MarkAllNotificationsReadResponse,
  type MarkNotificationReadResponse,
  type NotificationListResponse,
  type UnreadCountResponse,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import {
  ListNotificationsQueryDto,
  MarkAllNotificationsReadResponseDto,
  MarkNotificationReadResponseDto,
  NotificationListResponseDto,
  UnreadCountResponseDto,
} from './dto/inbox.dto';
import { InboxService } from './inbox.service';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get(ApiRoute.me.notifications)
  @ApiOperation({
    summary: 'My inbox, newest first',
    description: 'Paged by cursor; unreadCount counts every unread entry. Scheduled entries appear when due.',
  })
  @ApiOkResponse({ type: NotificationListResponseDto })
  @ApiErrors(400)
  list(
    @CurrentUser() user: UserEntity,
    @Query() query: ListNotificationsQueryDto,
  ): Promise<NotificationListResponse> {
    return this.inbox.list(user, query);
  }

  @Get(ApiRoute.me.notificationsUnreadCount)
  @ApiOperation({ summary: 'How many of my notifications are unread (the badge on 我的)' })
  @ApiOkResponse({ type: UnreadCountResponseDto })
  unreadCount(@CurrentUser() user: UserEntity): Promise<UnreadCountResponse> {
    return this.inbox.unreadCount(user);
  }

  @Post(ApiRoute.me.notificationsReadAll)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkAllNotificationsReadResponseDto })
  markAllRead(@CurrentUser() user: UserEntity): Promise<MarkAllNotificationsReadResponse> {
    return this.inbox.markAllRead(user);
  }

  @Post(ApiRoute.me.notificationRead)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Mark one of my notifications read',
    description: 'Reading it again keeps the first read time.',
  })
  @ApiOkResponse({ type: MarkNotificationReadResponseDto })
  @ApiErrors([404, 'NOT_FOUND: no such notification in your inbox'])
  markRead(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<MarkNotificationReadResponse> {
    return this.inbox.markRead(user, id);
  }
}
