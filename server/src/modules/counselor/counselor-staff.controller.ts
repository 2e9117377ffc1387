import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  type Collection,
  type CounselorInviteResponse,
  CounselorRoute,
  type CounselorStatsResponse,
  type CounselorSupervisorDto,
  type NoteAccessLogEntryDto,
  Role,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { CounselorNotesService } from './counselor-notes.service';
import { CounselorStaffService } from './counselor-staff.service';
import {
  CounselorObjectResponseDto,
  CounselorStatsQueryDto,
  CreateCounselorInviteDto,
  CreateCounselorSupervisorDto,
  NoteAccessLogQueryDto,
} from './dto/counselor.dto';

@ApiTags('counselor-staff')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller()
@Roles(Role.Admin)
export class CounselorStaffController {
  constructor(
    private readonly staff: CounselorStaffService,
    private readonly notes: CounselorNotesService,
  ) {}

  @Post(CounselorRoute.admin.invites)
  @ApiOperation({
    summary: 'A one-time invite (code and QR) that binds the account redeeming it to an advisor',
  })
  @ApiCreatedResponse({ type: CounselorObjectResponseDto, description: 'CounselorInviteResponse' })
  @ApiErrors(400, 404)
  invite(
    @CurrentUser() user: UserEntity,
    @Body() body: CreateCounselorInviteDto,
  ): Promise<CounselorInviteResponse> {
    return this.staff.createInvite(user, body.advisorId);
  }

  @Get(CounselorRoute.admin.supervisors)
  @ApiOperation({ summary: 'Supervisor designations: who may read whose private notes' })
  @ApiOkResponse({ type: CounselorObjectResponseDto, description: '{ items: CounselorSupervisorDto[] }' })
  supervisors(): Promise<Collection<CounselorSupervisorDto>> {
    return this.staff.supervisors();
  }

  @Post(CounselorRoute.admin.supervisors)
  @ApiOperation({ summary: 'Designate a counselor to supervise (read the notes of) another counselor' })
  @ApiCreatedResponse({ type: CounselorObjectResponseDto, description: 'CounselorSupervisorDto' })
  @ApiErrors(400, [409, 'CONFLICT: already designated'])
  designate(@Body() body: CreateCounselorSupervisorDto): Promise<CounselorSupervisorDto> {
    return this.staff.designate(body);
  }

  @Delete(CounselorRoute.admin.supervisor)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Withdraw a supervisor designation' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  revoke(@Param('id') id: string): Promise<void> {
    return this.staff.revoke(id);
  }

  @Get(CounselorRoute.admin.noteAccessLog)
  @ApiOperation({ summary: 'Every read of a private note: who, whose, when, how (never the text)' })
  @ApiOkResponse({
    type: CounselorObjectResponseDto,
    description: '{ items: NoteAccessLogEntryDto[], nextCursor }',
  })
  @ApiErrors(400)
  accessLog(@Query() query: NoteAccessLogQueryDto): Promise<Collection<NoteAccessLogEntryDto>> {
    return this.notes.accessLog(query);
  }

  @Get(CounselorRoute.admin.stats)
  @ApiOperation({
    summary: 'Per counselor over a period: utilisation (booked vs offered), no-show rate, feedback',
  })
  @ApiOkResponse({ type: CounselorObjectResponseDto, description: 'CounselorStatsResponse' })
  @ApiErrors(400)
  stats(@Query() query: CounselorStatsQueryDto): Promise<CounselorStatsResponse> {
    return this.staff.stats(query.from, query.to);
  }
}
