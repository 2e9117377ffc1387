import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  type AdminJobSubmissionDto,
  type ApproveJobSubmissionResponse,
  type JobSubmissionListResponse,
  type JobSubmissionReceipt,
  type JobSubmissionStatusDto,
  JobsRoute,
  Role,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import {
  ApproveJobSubmissionDto,
  CreateJobSubmissionDto,
  DeclineJobSubmissionDto,
  ListJobSubmissionsQueryDto,
} from './dto/job-submission.dto';
import {
  AdminJobSubmissionResponseDto,
  ApproveJobSubmissionResponseDto,
  JobSubmissionListResponseDto,
  JobSubmissionReceiptDto,
  JobSubmissionStatusResponseDto,
} from './dto/job-response.dto';
import { EmployerSubmissionsService } from './employer-submissions.service';
import { SubmissionThrottlerGuard } from './submission-throttler.guard';

@ApiTags('employers')
@Public()
@Controller()
export class EmployerSubmissionsController {
  constructor(private readonly submissions: EmployerSubmissionsService) {}

  @Post(JobsRoute.employer.submissions)
  @UseGuards(SubmissionThrottlerGuard)
  @ApiOperation({
    summary: 'Submit a posting for review, without an account',
    description:
      'Rate-limited per client address. The answer carries a secret token (shown once) that opens the status page.',
  })
  @ApiCreatedResponse({ type: JobSubmissionReceiptDto })
  @ApiErrors(400, [429, 'RATE_LIMITED: too many submissions from this address'])
  submit(
    @Body() body: CreateJobSubmissionDto,
    @Req() request: FastifyRequest,
  ): Promise<JobSubmissionReceipt> {
    return this.submissions.submit(body, request.ip ?? null);
  }

  @Get(JobsRoute.employer.submission)
  // Private to whoever holds the link, and it changes when staff review it: never kept by a cache.
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: "A submission's review status, by its secret token" })
  @ApiOkResponse({ type: JobSubmissionStatusResponseDto })
  @ApiErrors(404)
  status(@Param('token') token: string): Promise<JobSubmissionStatusDto> {
    return this.submissions.status(token);
  }
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiErrors(401, 403)
@Controller()
export class AdminJobSubmissionsController {
  constructor(private readonly submissions: EmployerSubmissionsService) {}

  @Get(JobsRoute.admin.submissions)
  @ApiOperation({ summary: 'Employer submissions: the pending queue oldest first, or reviewed ones' })
  @ApiOkResponse({ type: JobSubmissionListResponseDto })
  @ApiErrors(400)
  list(@Query() query: ListJobSubmissionsQueryDto): Promise<JobSubmissionListResponse> {
    return this.submissions.list(query);
  }

  @Get(JobsRoute.admin.submission)
  @ApiOperation({ summary: 'One employer submission' })
  @ApiOkResponse({ type: AdminJobSubmissionResponseDto })
  @ApiErrors(404)
  get(@Param('id') id: string): Promise<AdminJobSubmissionDto> {
    return this.submissions.get(id);
  }

  @Post(JobsRoute.admin.approve)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Approve: create the posting and publish it (alerting students) unless publish is false',
  })
  @ApiOkResponse({ type: ApproveJobSubmissionResponseDto })
  @ApiErrors(400, 404, [409, 'SUBMISSION_ALREADY_REVIEWED or JOB_DEADLINE_PASSED'])
  approve(
    @CurrentUser() actor: UserEntity,
    @Param('id') id: string,
    @Body() body: ApproveJobSubmissionDto,
  ): Promise<ApproveJobSubmissionResponse> {
    return this.submissions.approve(actor, id, body.publish !== false);
  }

  @Post(JobsRoute.admin.decline)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decline with a reason that the employer sees on the status page' })
  @ApiOkResponse({ type: AdminJobSubmissionResponseDto })
  @ApiErrors(400, 404, [409, 'SUBMISSION_ALREADY_REVIEWED'])
  decline(
    @CurrentUser() actor: UserEntity,
    @Param('id') id: string,
    @Body() body: DeclineJobSubmissionDto,
  ): Promise<AdminJobSubmissionDto> {
    return this.submissions.decline(actor, id, body.reason);
  }
}
