import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoute, type SubscriptionListResponse } from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { SubscriptionListResponseDto, UpdateSubscriptionsDto } from './dto/subscriptions.dto';
import { SubscriptionsService } from './subscriptions.service';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get(ApiRoute.me.subscriptions)
  @ApiOperation({
    summary: 'My consent wallet',
    description:
      'The subscribe-message templates the app asks my role about (pass their ids to wx.requestSubscribeMessage, at most 3 at a time) and what I have granted.',
  })
  @ApiOkResponse({ type: SubscriptionListResponseDto })
  list(@CurrentUser() user: UserEntity): Promise<SubscriptionListResponse> {
    return this.subscriptions.list(user);
  }

  @Post(ApiRoute.me.subscriptions)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record what wx.requestSubscribeMessage answered',
    description:
      'Each one-time "accept" allows one message; long-term templates stay granted until rejected. Answers the updated wallet.',
  })
  @ApiOkResponse({ type: SubscriptionListResponseDto })
  @ApiErrors([
    400,
    'VALIDATION_FAILED: results must map 1-3 known template ids to accept, reject, ban or filter',
  ])
  record(
    @CurrentUser() user: UserEntity,
    @Body() body: UpdateSubscriptionsDto,
  ): Promise<SubscriptionListResponse> {
    return this.subscriptions.record(user, body);
  }
}
