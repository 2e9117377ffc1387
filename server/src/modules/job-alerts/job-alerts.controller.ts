import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AlertOpenedResponse,
  type JobAlertsResponse,
  type JobMatchListResponse,
  JobsRoute,
  Role,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { CursorQueryDto } from '../jobs/dto/job-query.dto';
import type { UserEntity } from '../users/user.entity';
import {
  AlertOpenedResponseDto,
  JobAlertsResponseDto,
  JobMatchListResponseDto,
  UpdateJobAlertsDto,
} from './dto/job-alerts.dto';
import { JobAlertsService } from './job-alerts.service';

@ApiTags('job alerts')
@ApiBearerAuth()
@Roles(Role.Student)
@ApiErrors(401, 403)
@Controller()
export class JobAlertsController {
  constructor(private readonly alerts: JobAlertsService) {}

  @Get(JobsRoute.myAlerts)
  @ApiOperation({ summary: 'My job alert preferences (defaults from my profile until I save them)' })
  @ApiOkResponse({ type: JobAlertsResponseDto })
  get(@CurrentUser() user: UserEntity): Promise<JobAlertsResponse> {
    return this.alerts.get(user);
  }

  @Put(JobsRoute.myAlerts)
  @ApiOperation({
    summary: 'Replace my job alert preferences',
    description:
      'An empty list places no condition on that field (a student who only picks a key sector hears of every job in it); a posting with no locations is open anywhere. Frequency instant, daily, weekly or off.',
  })
  @ApiOkResponse({ type: JobAlertsResponseDto })
  @ApiErrors(400)
  update(@CurrentUser() user: UserEntity, @Body() body: UpdateJobAlertsDto): Promise<JobAlertsResponse> {
    return this.alerts.update(user, body);
  }

  @Get(JobsRoute.myMatches)
  @ApiOperation({ summary: 'Postings my alerts brought me, newest first' })
  @ApiOkResponse({ type: JobMatchListResponseDto })
  @ApiErrors(400)
  matches(@CurrentUser() user: UserEntity, @Query() query: CursorQueryDto): Promise<JobMatchListResponse> {
    return this.alerts.matches(user, query);
  }

  @Post(JobsRoute.alertOpened)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'I tapped an alert through to this posting (counted once per student)' })
  @ApiOkResponse({ type: AlertOpenedResponseDto })
  @ApiErrors(404)
  opened(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<AlertOpenedResponse> {
    return this.alerts.opened(user, id);
  }
}
