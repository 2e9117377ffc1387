import { Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type JobDto,
  type JobListResponse,
  type JobMarkDto,
  type JobMarksResponse,
  JobsRoute,
  type MyJobListResponse,
  Role,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Public } from '../../common/decorators/public.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { CursorQueryDto, ListJobsQueryDto } from './dto/job-query.dto';
import {
  JobListResponseDto,
  JobMarkResponseDto,
  JobMarksResponseDto,
  JobResponseDto,
  MyJobListResponseDto,
} from './dto/job-response.dto';
import { JobBoardService } from './job-board.service';

@ApiTags('jobs')
@Controller()
export class JobsController {
  constructor(private readonly board: JobBoardService) {}

  @Public()
  @Get(JobsRoute.list)
  @ApiOperation({
    summary: 'Open postings, newest first, with keyword search and filters',
    description:
      'Published postings whose deadline has not passed. `keyword`: every word must appear in the title, employer, majors or description. `location` also lists postings open anywhere; `degree` lists postings open to that degree.',
  })
  @ApiOkResponse({ type: JobListResponseDto })
  @ApiErrors(400)
  list(@Query() query: ListJobsQueryDto): Promise<JobListResponse> {
    return this.board.list(query);
  }

  @Public()
  @Get(JobsRoute.detail)
  @ApiOperation({ summary: 'One posting (published or closed; drafts are 404)' })
  @ApiOkResponse({ type: JobResponseDto })
  @ApiErrors(404)
  get(@Param('id') id: string): Promise<JobDto> {
    return this.board.get(id);
  }

  @Get(JobsRoute.myMarks)
  @Roles(Role.Student)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Ids of the postings I saved and applied to' })
  @ApiOkResponse({ type: JobMarksResponseDto })
  @ApiErrors(401, 403)
  marks(@CurrentUser() user: UserEntity): Promise<JobMarksResponse> {
    return this.board.myMarks(user);
  }

  @Get(JobsRoute.mySaved)
  @Roles(Role.Student)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My saved postings, most recently saved first (closed ones included)' })
  @ApiOkResponse({ type: MyJobListResponseDto })
  @ApiErrors(400, 401, 403)
  saved(@CurrentUser() user: UserEntity, @Query() query: CursorQueryDto): Promise<MyJobListResponse> {
    return this.board.myJobs(user, 'saved', query);
  }

  @Get(JobsRoute.myApplied)
  @Roles(Role.Student)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Postings I marked as applied, most recent first' })
  @ApiOkResponse({ type: MyJobListResponseDto })
  @ApiErrors(400, 401, 403)
  applied(@CurrentUser() user: UserEntity, @Query() query: CursorQueryDto): Promise<MyJobListResponse> {
    return this.board.myJobs(user, 'applied', query);
  }

  @Put(JobsRoute.save)
  @Roles(Role.Student)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Save a posting (idempotent)' })
  @ApiOkResponse({ type: JobMarkResponseDto })
  @ApiErrors(401, 403, 404, [409, 'JOB_NOT_OPEN: the posting is closed'])
  save(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<JobMarkDto> {
    return this.board.mark(user, id, 'saved');
  }

  @Delete(JobsRoute.save)
  @Roles(Role.Student)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Unsave a posting (idempotent)' })
  @ApiOkResponse({ type: JobMarkResponseDto })
  @ApiErrors(401, 403, 404)
  unsave(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<JobMarkDto> {
    return this.board.unmark(user, id, 'saved');
  }

  @Put(JobsRoute.applied)
  @Roles(Role.Student)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Record "I applied" (idempotent; keeps the first time)' })
  @ApiOkResponse({ type: JobMarkResponseDto })
  @ApiErrors(401, 403, 404, [409, 'JOB_NOT_OPEN: the posting is closed'])
  markApplied(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<JobMarkDto> {
    return this.board.mark(user, id, 'applied');
  }

  @Delete(JobsRoute.applied)
  @Roles(Role.Student)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Take back "I applied"' })
  @ApiOkResponse({ type: JobMarkResponseDto })
  @ApiErrors(401, 403, 404)
  unmarkApplied(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<JobMarkDto> {
    return this.board.unmark(user, id, 'applied');
  }
}
