import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApiRoute,
  type AppointmentDto,
  type AppointmentListResponse,
  type BookingStatusResponse,
  type CheckInResponse,
  IDEMPOTENCY_KEY_HEADER,
  Role,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { IdempotentResult } from '../idempotency/idempotency.service';
import type { UserEntity } from '../users/user.entity';
import { AppointmentsService } from './appointments.service';
import { BookingWriteLimit } from './booking-write-throttler.guard';
import { BookingService } from './booking.service';
import {
  AppointmentListResponseDto,
  AppointmentResponseDto,
  AttendanceDto,
  BookAppointmentDto,
  BookingStatusResponseDto,
  CheckInDto,
  CheckInResponseDto,
  FeedbackDto,
  MyAppointmentsQueryDto,
  RescheduleAppointmentDto,
} from './dto/appointment.dto';

const IDEMPOTENCY_HEADER_DOC = {
  name: 'Idempotency-Key',
  required: false,
  description: '8-128 characters; repeats of the same request get the first answer for 24 hours',
};

const BOOKING_REFUSALS: [number, string][] = [
  [403, 'BOOKING_SUSPENDED (details: suspendedUntil, reason); FORBIDDEN for non-students'],
  [404, 'NOT_FOUND: no such slot'],
  [
    409,
    'SLOT_FULL, SLOT_NOT_AVAILABLE, ALREADY_BOOKED, OVERLAPPING_APPOINTMENT, ONE_PER_ADVISOR_PER_DAY, TOO_MANY_ACTIVE, ADVISOR_INACTIVE, IDEMPOTENCY_KEY_IN_PROGRESS',
  ],
  [422, 'BOOKING_TOO_SOON, BOOKING_TOO_FAR, PROFILE_INCOMPLETE, IDEMPOTENCY_KEY_REUSED'],
];

/** Sends a stored answer with Idempotent-Replayed: true so clients and logs can tell. */
function answer<T>(reply: FastifyReply, result: IdempotentResult<T>): T {
  if (result.replayed) void reply.header('idempotent-replayed', 'true');
  return result.body;
}

@ApiTags('appointments')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class AppointmentsController {
  constructor(
    private readonly booking: BookingService,
    private readonly appointments: AppointmentsService,
  ) {}

  @Post(ApiRoute.booking.appointments)
  @Roles(Role.Student)
  @BookingWriteLimit()
  @ApiOperation({
    summary: 'Book a seat in a slot',
    description:
      'Puts an appointment_booked notification in the inbox (and a subscribe message when consented) and schedules reminders the day before and an hour before.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiCreatedResponse({ type: AppointmentResponseDto })
  @ApiErrors(400, ...BOOKING_REFUSALS)
  async book(
    @CurrentUser() user: UserEntity,
    @Body() body: BookAppointmentDto,
    @Headers(IDEMPOTENCY_KEY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentDto> {
    return answer(reply, await this.booking.book(user, body, key));
  }

  @Get(ApiRoute.booking.myAppointments)
  @ApiOperation({ summary: 'My appointments: upcoming (soonest first) or past (latest first)' })
  @ApiOkResponse({ type: AppointmentListResponseDto })
  @ApiErrors(400)
  mine(
    @CurrentUser() user: UserEntity,
    @Query() query: MyAppointmentsQueryDto,
  ): Promise<AppointmentListResponse> {
    return this.appointments.mine(user, query.scope);
  }

  @Get(ApiRoute.booking.myBookingStatus)
  @ApiOperation({
    summary: 'Whether I may book: suspension (reason, end date), strikes, active count and the rules',
  })
  @ApiOkResponse({ type: BookingStatusResponseDto })
  status(@CurrentUser() user: UserEntity): Promise<BookingStatusResponse> {
    return this.appointments.bookingStatus(user);
  }

  @Get(ApiRoute.booking.appointment)
  @ApiOperation({ summary: 'One appointment (the student’s own; staff of its advisor)' })
  @ApiOkResponse({ type: AppointmentResponseDto })
  @ApiErrors(404)
  get(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<AppointmentDto> {
    return this.appointments.get(user, id);
  }

  @Post(ApiRoute.booking.appointmentCancel)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Cancel my appointment',
    description:
      'Until it starts. Within the cutoff (2 hours by default) it counts as a late cancellation (a strike).',
  })
  @ApiOkResponse({ type: AppointmentResponseDto })
  @ApiErrors(404, [409, 'APPOINTMENT_NOT_ACTIVE, CANCELLATION_CLOSED (already started)'])
  cancel(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<AppointmentDto> {
    return this.booking.cancel(user, id);
  }

  @Post(ApiRoute.booking.appointmentReschedule)
  @Roles(Role.Student)
  @BookingWriteLimit()
  @ApiOperation({
    summary: 'Move my appointment to another slot in one step',
    description:
      'The new seat is taken and the old one released in one transaction; before the cancellation cutoff only.',
  })
  @ApiHeader(IDEMPOTENCY_HEADER_DOC)
  @ApiCreatedResponse({ type: AppointmentResponseDto })
  @ApiErrors(400, ...BOOKING_REFUSALS, [409, 'also CANCELLATION_CLOSED, APPOINTMENT_NOT_ACTIVE'])
  async reschedule(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
    @Body() body: RescheduleAppointmentDto,
    @Headers(IDEMPOTENCY_KEY_HEADER) key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AppointmentDto> {
    return answer(reply, await this.booking.reschedule(user, id, body, key));
  }

  @Post(ApiRoute.booking.appointmentFeedback)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Rate a completed session 1-5 with an optional comment (once)' })
  @ApiOkResponse({ type: AppointmentResponseDto })
  @ApiErrors(400, 404, [409, 'FEEDBACK_NOT_ALLOWED (not completed), FEEDBACK_ALREADY_GIVEN'])
  rate(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
    @Body() body: FeedbackDto,
  ): Promise<AppointmentDto> {
    return this.appointments.rate(user, id, body.rating, body.comment);
  }

  @Post(ApiRoute.booking.checkIns)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Check in by scanning the advisor’s code',
    description: 'Marks my appointment with that advisor arrived when now is within its check-in window.',
  })
  @ApiOkResponse({ type: CheckInResponseDto })
  @ApiErrors(
    400,
    [404, 'NOT_FOUND (advisor), NO_APPOINTMENT_TO_CHECK_IN'],
    [409, 'CHECK_IN_TOO_EARLY, CHECK_IN_TOO_LATE'],
  )
  checkIn(@CurrentUser() user: UserEntity, @Body() body: CheckInDto): Promise<CheckInResponse> {
    return this.appointments.checkIn(user, body.advisor);
  }

  @Post(ApiRoute.booking.attendance)
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Counselor, Role.Admin)
  @ApiOperation({
    summary: 'Record attendance (the counselor of the advisor, or an admin)',
    description:
      'A no-show is a strike towards a booking suspension; correcting it to attended takes the strike back.',
  })
  @ApiOkResponse({ type: AppointmentResponseDto })
  @ApiErrors(400, 403, 404, [409, 'APPOINTMENT_NOT_ACTIVE, ATTENDANCE_TOO_EARLY'])
  attendance(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
    @Body() body: AttendanceDto,
  ): Promise<AppointmentDto> {
    return this.appointments.recordAttendance(user, id, body.status);
  }
}
