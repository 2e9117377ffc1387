import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type AdminJobDto,
  type AdminJobListResponse,
  type ImportJobsResponse,
  type JobStatsResponse,
  JobsRoute,
  type PublishJobResponse,
  Role,
  resolveLocale,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { LargeJsonBody } from '../../common/http/json-body';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { AdminJobsService } from './admin-jobs.service';
import { ImportJobsDto } from './dto/job-import.dto';
import { AdminListJobsQueryDto } from './dto/job-query.dto';
import { CreateJobDto, UpdateJobDto } from './dto/job-request.dto';
import {
  AdminJobListResponseDto,
  AdminJobResponseDto,
  ImportJobsResponseDto,
  JobStatsResponseDto,
  PublishJobResponseDto,
} from './dto/job-response.dto';
import { JobImportService } from './job-import.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiErrors(401, 403)
@Controller()
export class AdminJobsController {
  constructor(
    private readonly adminJobs: AdminJobsService,
    private readonly importer: JobImportService,
  ) {}

  @Post(JobsRoute.admin.jobs)
  @ApiOperation({ summary: 'Create a posting as a draft (students do not see it until it is published)' })
  @ApiCreatedResponse({ type: AdminJobResponseDto })
  @ApiErrors(400)
  create(@CurrentUser() actor: UserEntity, @Body() body: CreateJobDto): Promise<AdminJobDto> {
    return this.adminJobs.create(actor, body);
  }

  @Get(JobsRoute.admin.jobs)
  @ApiOperation({ summary: 'Every posting, newest first, by status and keyword' })
  @ApiOkResponse({ type: AdminJobListResponseDto })
  @ApiErrors(400)
  list(@Query() query: AdminListJobsQueryDto): Promise<AdminJobListResponse> {
    return this.adminJobs.list(query);
  }

  @Post(JobsRoute.admin.import)
  @LargeJsonBody()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Import postings from CSV text: all or nothing, with every row error named by row and column',
    description:
      'Columns by key, Chinese or English header (see JOB_CSV_COLUMNS). With any error nothing is imported and `errors` lists them all; rows imported before are skipped as duplicates. Messages follow Accept-Language.',
  })
  @ApiHeader({ name: 'Accept-Language', required: false })
  @ApiOkResponse({ type: ImportJobsResponseDto })
  @ApiErrors(400, 413)
  import(
    @CurrentUser() actor: UserEntity,
    @Body() body: ImportJobsDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<ImportJobsResponse> {
    return this.importer.import(actor, body, resolveLocale(acceptLanguage));
  }

  @Get(JobsRoute.admin.job)
  @ApiOperation({ summary: 'One posting, in any state' })
  @ApiOkResponse({ type: AdminJobResponseDto })
  @ApiErrors(404)
  get(@Param('id') id: string): Promise<AdminJobDto> {
    return this.adminJobs.get(id);
  }

  @Patch(JobsRoute.admin.job)
  @ApiOperation({
    summary: 'Edit a draft or published posting; send only what changes (nobody is alerted again)',
  })
  @ApiOkResponse({ type: AdminJobResponseDto })
  @ApiErrors(400, 404, [409, 'JOB_NOT_EDITABLE: the posting is closed'])
  update(@Param('id') id: string, @Body() body: UpdateJobDto): Promise<AdminJobDto> {
    return this.adminJobs.update(id, body);
  }

  @Post(JobsRoute.admin.publish)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Publish a draft and alert the matching students',
    description:
      'Matching runs as one set-based query over the preference tables; each matching student gets one inbox entry however often this is called. Publishing a published posting answers it with publishedNow false.',
  })
  @ApiOkResponse({ type: PublishJobResponseDto })
  @ApiErrors(404, [409, 'JOB_NOT_PUBLISHABLE (closed) or JOB_DEADLINE_PASSED'])
  publish(@Param('id') id: string): Promise<PublishJobResponse> {
    return this.adminJobs.publish(id);
  }

  @Post(JobsRoute.admin.close)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close a posting now (closing a closed one changes nothing)' })
  @ApiOkResponse({ type: AdminJobResponseDto })
  @ApiErrors(404)
  close(@Param('id') id: string): Promise<AdminJobDto> {
    return this.adminJobs.close(id);
  }

  @Get(JobsRoute.admin.stats)
  @ApiOperation({
    summary: 'Alert reach of a posting: matched, notified, WeChat sent and failed, opened, saved, applied',
  })
  @ApiOkResponse({ type: JobStatsResponseDto })
  @ApiErrors(404)
  stats(@Param('id') id: string): Promise<JobStatsResponse> {
    return this.adminJobs.stats(id);
  }
}
