import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiRoute,
  type AppointmentDto,
  Role,
  type WaitlistEntryDto,
  type WaitlistListResponse,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { AppointmentResponseDto } from './dto/appointment.dto';
import { JoinWaitlistDto, WaitlistEntryResponseDto, WaitlistListResponseDto } from './dto/waitlist.dto';
import { BookingWriteLimit } from './booking-write-throttler.guard';
import { WaitlistService } from './waitlist.service';

@ApiTags('waitlist')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class WaitlistController {
  constructor(private readonly waitlist: WaitlistService) {}

  @Post(ApiRoute.booking.slotWaitlist)
  @Roles(Role.Student)
  @BookingWriteLimit()
  @ApiOperation({ summary: 'Join the waitlist of a full slot' })
  @ApiCreatedResponse({ type: WaitlistEntryResponseDto })
  @ApiErrors(
    400,
    [403, 'BOOKING_SUSPENDED; FORBIDDEN for non-students'],
    404,
    [
      409,
      'SLOT_HAS_SEATS, ALREADY_ON_WAITLIST, WAITLIST_LIMIT_REACHED (details in params: max), ALREADY_BOOKED, SLOT_NOT_AVAILABLE',
    ],
    [422, 'BOOKING_TOO_SOON, BOOKING_TOO_FAR'],
  )
  join(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
    @Body() body: JoinWaitlistDto,
  ): Promise<WaitlistEntryDto> {
    return this.waitlist.join(user, id, body);
  }

  @Get(ApiRoute.booking.myWaitlist)
  @ApiOperation({ summary: 'My places in line and held seats' })
  @ApiOkResponse({ type: WaitlistListResponseDto })
  mine(@CurrentUser() user: UserEntity): Promise<WaitlistListResponse> {
    return this.waitlist.mine(user);
  }

  @Post(ApiRoute.booking.waitlistAccept)
  @BookingWriteLimit()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Take the seat held for me: it becomes an appointment (every booking rule applies)',
  })
  @ApiCreatedResponse({ type: AppointmentResponseDto })
  @ApiErrors(403, 404, [
    409,
    'WAITLIST_NOT_OFFERED, WAITLIST_OFFER_EXPIRED, OVERLAPPING_APPOINTMENT, ONE_PER_ADVISOR_PER_DAY, TOO_MANY_ACTIVE',
  ])
  accept(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<AppointmentDto> {
    return this.waitlist.accept(user, id);
  }

  @Post(ApiRoute.booking.waitlistDecline)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decline the held seat; it passes to the next in line' })
  @ApiOkResponse({ type: WaitlistEntryResponseDto })
  @ApiErrors(404)
  decline(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<WaitlistEntryDto> {
    return this.waitlist.leave(user, id);
  }

  @Post(ApiRoute.booking.waitlistLeave)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Leave the line (declines a held seat too)' })
  @ApiOkResponse({ type: WaitlistEntryResponseDto })
  @ApiErrors(404)
  leave(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<WaitlistEntryDto> {
    return this.waitlist.leave(user, id);
  }
}
