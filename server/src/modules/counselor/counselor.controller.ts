import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  type AvailabilityExceptionDto,
  type Collection,
  type CounselorAppointmentDetailResponse,
  type CounselorCalendarFeedResponse,
  type CounselorNoteDto,
  CounselorRoute,
  type CounselorScheduleItemDto,
  type CounselorScheduleResponse,
  type CounselorTimeOffResponse,
  type CounselorWeekResponse,
  Role,
  type SupervisedNoteDto,
  type SupervisionResponse,
  type UserDto,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { CalendarFeedService } from './calendar-feed.service';
import { CounselorNotesService } from './counselor-notes.service';
import { CounselorStaffService } from './counselor-staff.service';
import { InviteThrottlerGuard } from './invite-throttler.guard';
import { CounselorService } from './counselor.service';
import {
  AcceptCounselorInviteDto,
  CounselorExtraHoursDto,
  CounselorObjectResponseDto,
  CounselorScheduleQueryDto,
  CounselorScheduleResponseDto,
  CounselorTimeOffDto,
  CreateCounselorNoteDto,
  SupervisedNotesQueryDto,
} from './dto/counselor.dto';

/** Header carrying the SQL statement count of a day view, read by the benchmark. */
export const QUERY_COUNT_HEADER = 'x-db-queries';

@ApiTags('counselor')
@ApiBearerAuth()
@ApiErrors(401, [403, 'FORBIDDEN (not a counselor, or another counselor’s record), NOT_BOUND_TO_ADVISOR'])
@Controller()
export class CounselorController {
  constructor(
    private readonly counselor: CounselorService,
    private readonly notes: CounselorNotesService,
    private readonly feeds: CalendarFeedService,
    private readonly staff: CounselorStaffService,
  ) {}

  @Get(CounselorRoute.schedule)
  @Roles(Role.Counselor)
  @ApiOperation({
    summary: 'The day view: appointments of my advisor profile on a date, in time order',
    description:
      'With each student’s college, major and year, earlier sessions and my latest private note about them (a logged read). At most 3 SQL statements; the count is in the X-Db-Queries header.',
  })
  @ApiOkResponse({ type: CounselorScheduleResponseDto })
  @ApiErrors(400)
  async schedule(
    @CurrentUser() user: UserEntity,
    @Query() query: CounselorScheduleQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CounselorScheduleResponse> {
    const { result, queries } = await this.counselor.scheduleMeasured(user, query.date);
    void reply.header(QUERY_COUNT_HEADER, String(queries));
    return result;
  }

  @Get(CounselorRoute.week)
  @Roles(Role.Counselor)
  @ApiOperation({
    summary: 'The week overview (Monday to Sunday around date): appointments per day, closures, leave',
  })
  @ApiOkResponse({ type: CounselorObjectResponseDto, description: 'CounselorWeekResponse' })
  @ApiErrors(400)
  week(
    @CurrentUser() user: UserEntity,
    @Query() query: CounselorScheduleQueryDto,
  ): Promise<CounselorWeekResponse> {
    return this.counselor.week(user, query.date);
  }

  @Get(CounselorRoute.appointment)
  @Roles(Role.Counselor)
  @ApiOperation({
    summary:
      'One of my appointments with my notes, the student’s history with me and reflections they shared',
  })
  @ApiOkResponse({ type: CounselorObjectResponseDto, description: 'CounselorAppointmentDetailResponse' })
  @ApiErrors(404)
  detail(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
  ): Promise<CounselorAppointmentDetailResponse> {
    return this.counselor.detail(user, id);
  }

  @Post(CounselorRoute.arrival)
  @Roles(Role.Counselor)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark the student arrived (as the door-code check-in does); idempotent' })
  @ApiOkResponse({ type: CounselorObjectResponseDto, description: 'CounselorScheduleItemDto' })
  @ApiErrors(400, 404)
  arrival(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<CounselorScheduleItemDto> {
    return this.counselor.markArrived(user, id);
  }

  @Get(CounselorRoute.notes)
  @Roles(Role.Counselor)
  @ApiOperation({ summary: 'My private notes on an appointment (each read is logged)' })
  @ApiOkResponse({ type: CounselorObjectResponseDto, description: '{ items: CounselorNoteDto[] }' })
  @ApiErrors(404)
  listNotes(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
  ): Promise<{ items: CounselorNoteDto[] }> {
    return this.counselor.listNotes(user, id);
  }

  @Post(CounselorRoute.notes)
  @Roles(Role.Counselor)
  @ApiOperation({
    summary: 'Add a private note to an appointment',
    description: 'Encrypted at rest (AES-256-GCM); only its author and designated supervisors can read it.',
  })
  @ApiCreatedResponse({ type: CounselorObjectResponseDto, description: 'CounselorNoteDto' })
  @ApiErrors(400, 404)
  addNote(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
    @Body() body: CreateCounselorNoteDto,
  ): Promise<CounselorNoteDto> {
    return this.counselor.addNote(user, id, body.text);
  }

  @Post(CounselorRoute.timeOff)
  @Roles(Role.Counselor)
  @ApiOperation({
    summary:
      'Take time off: booked appointments in it are cancelled, each student is told and offered to rebook',
  })
  @ApiCreatedResponse({ type: CounselorObjectResponseDto, description: 'CounselorTimeOffResponse' })
  @ApiErrors(400, [422, 'RULES_INVALID'])
  timeOff(
    @CurrentUser() user: UserEntity,
    @Body() body: CounselorTimeOffDto,
  ): Promise<CounselorTimeOffResponse> {
    return this.counselor.timeOff(user, body);
  }

  @Post(CounselorRoute.extraHours)
  @Roles(Role.Counselor)
  @ApiOperation({ summary: 'Add extra hours on a date; bookable slots appear at once' })
  @ApiCreatedResponse({ type: CounselorObjectResponseDto, description: 'AvailabilityExceptionDto' })
  @ApiErrors(400, [422, 'RULES_INVALID'])
  extraHours(
    @CurrentUser() user: UserEntity,
    @Body() body: CounselorExtraHoursDto,
  ): Promise<AvailabilityExceptionDto> {
    return this.counselor.extraHours(user, body);
  }

  @Get(CounselorRoute.calendarFeed)
  @Roles(Role.Counselor)
  @ApiOperation({ summary: 'My secret calendar-feed URL (made on first request)' })
  @ApiOkResponse({ type: CounselorObjectResponseDto, description: 'CounselorCalendarFeedResponse' })
  calendarFeed(@CurrentUser() user: UserEntity): Promise<CounselorCalendarFeedResponse> {
    return this.feeds.feed(user);
  }

  @Post(CounselorRoute.calendarFeedRotate)
  @Roles(Role.Counselor)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A new secret calendar-feed URL; the old one stops working' })
  @ApiOkResponse({ type: CounselorObjectResponseDto, description: 'CounselorCalendarFeedResponse' })
  rotateCalendarFeed(@CurrentUser() user: UserEntity): Promise<CounselorCalendarFeedResponse> {
    return this.feeds.rotate(user);
  }

  @Get(CounselorRoute.supervision)
  @Roles(Role.Counselor)
  @ApiOperation({ summary: 'Supervisors: the counselors staff designated me to supervise' })
  @ApiOkResponse({ type: CounselorObjectResponseDto, description: 'SupervisionResponse' })
  supervision(@CurrentUser() user: UserEntity): Promise<SupervisionResponse> {
    return this.notes.supervisees(user);
  }

  @Get(CounselorRoute.supervisedNotes)
  @Roles(Role.Counselor)
  @ApiOperation({
    summary: 'Supervisors: the latest notes of a counselor staff designated me to supervise (logged)',
  })
  @ApiOkResponse({ type: CounselorObjectResponseDto, description: '{ items: SupervisedNoteDto[] }' })
  @ApiErrors(400)
  supervised(
    @CurrentUser() user: UserEntity,
    @Query() query: SupervisedNotesQueryDto,
  ): Promise<Collection<SupervisedNoteDto>> {
    return this.notes.supervised(user, query.counselorId);
  }

  @Post(CounselorRoute.inviteAccept)
  @Roles(Role.Student, Role.Counselor)
  @UseGuards(InviteThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Redeem a one-time counselor invite: my account becomes the counselor of its advisor profile',
    description: 'Open to the student role too, since a fresh WeChat account starts as a student.',
  })
  @ApiOkResponse({ type: CounselorObjectResponseDto, description: 'UserDto' })
  @ApiErrors(400, [422, 'INVITE_INVALID'], 429)
  acceptInvite(@CurrentUser() user: UserEntity, @Body() body: AcceptCounselorInviteDto): Promise<UserDto> {
    return this.staff.acceptInvite(user, body.code);
  }
}
