import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiRoute,
  type CreateAnnouncementResponse,
  type DeliveryDto,
  type DeliveryListResponse,
  type DeliveryStatsResponse,
  type RetryDeliveriesResponse,
  Role,
} from '@careerside/shared';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import {
  CreateAnnouncementDto,
  CreateAnnouncementResponseDto,
  DeliveryListResponseDto,
  DeliveryResponseDto,
  DeliveryStatsQueryDto,
  DeliveryStatsResponseDto,
  ListDeliveriesQueryDto,
  RetryDeliveriesDto,
  RetryDeliveriesResponseDto,
} from './dto/admin-notifications.dto';
import { NotificationsAdminService } from './notifications-admin.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiErrors(401, 403)
@Controller()
export class NotificationsAdminController {
  constructor(private readonly admin: NotificationsAdminService) {}

  @Get(ApiRoute.admin.notificationStats)
  @ApiOperation({ summary: 'WeChat deliveries by kind and status (queued, sent, failed, dead, ...)' })
  @ApiOkResponse({ type: DeliveryStatsResponseDto })
  @ApiErrors(400)
  stats(@Query() query: DeliveryStatsQueryDto): Promise<DeliveryStatsResponse> {
    return this.admin.stats(query);
  }

  @Get(ApiRoute.admin.notificationDeliveries)
  @ApiOperation({
    summary: 'Deliveries, newest first, with the reason of the last failure',
    description: 'Filter by status=dead to find dead letters.',
  })
  @ApiOkResponse({ type: DeliveryListResponseDto })
  @ApiErrors(400)
  list(@Query() query: ListDeliveriesQueryDto): Promise<DeliveryListResponse> {
    return this.admin.list(query);
  }

  @Post(ApiRoute.admin.notificationDeliveriesRetry)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Queue every dead (or unconfirmed) delivery again' })
  @ApiOkResponse({ type: RetryDeliveriesResponseDto })
  @ApiErrors(400)
  retryMany(@Body() body: RetryDeliveriesDto): Promise<RetryDeliveriesResponse> {
    return this.admin.retryMany(body);
  }

  @Post(ApiRoute.admin.notificationDeliveryRetry)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Queue one dead, unconfirmed or failed delivery again, now',
    description:
      'The id is the notification id. An unconfirmed one may reach the user twice if WeChat had it.',
  })
  @ApiOkResponse({ type: DeliveryResponseDto })
  @ApiErrors(404, [409, 'DELIVERY_NOT_RETRYABLE: it is queued, sending, sent, skipped or folded'])
  retry(@Param('id') id: string): Promise<DeliveryDto> {
    return this.admin.retry(id);
  }

  @Post(ApiRoute.admin.announcements)
  @ApiOperation({
    summary: 'Send a center announcement to everyone with these roles',
    description: 'An inbox entry for each, and a WeChat push to those who subscribed to announcements.',
  })
  @ApiCreatedResponse({ type: CreateAnnouncementResponseDto })
  @ApiErrors(400)
  announce(@Body() body: CreateAnnouncementDto): Promise<CreateAnnouncementResponse> {
    return this.admin.announce(body);
  }
}
