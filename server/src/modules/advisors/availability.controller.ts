import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiRoute,
  type AvailabilityExceptionDto,
  type ClosureDto,
  type Collection,
  Role,
  type WeeklyRuleDto,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { AvailabilityService } from './availability.service';
import {
  AvailabilityExceptionListResponseDto,
  AvailabilityExceptionResponseDto,
  ClosureListResponseDto,
  ClosureResponseDto,
  CreateAvailabilityExceptionDto,
  CreateClosureDto,
  ReplaceWeeklyRulesDto,
  WeeklyRuleListResponseDto,
} from './dto/availability.dto';

@ApiTags('availability')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get(ApiRoute.booking.advisorRules)
  @Roles(Role.Admin, Role.Counselor)
  @ApiOperation({ summary: "An advisor's weekly rules (admins, or the counselor bound to the advisor)" })
  @ApiOkResponse({ type: WeeklyRuleListResponseDto })
  @ApiErrors(404)
  rules(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<Collection<WeeklyRuleDto>> {
    return this.availability.rules(user, id);
  }

  @Put(ApiRoute.booking.advisorRules)
  @Roles(Role.Admin, Role.Counselor)
  @ApiOperation({
    summary: 'Replace the weekly rules',
    description:
      'Future slots follow at once: new times appear, changed ones keep their ids, unbooked removed ones go; booked ones stay (withdrawn).',
  })
  @ApiOkResponse({ type: WeeklyRuleListResponseDto })
  @ApiErrors(400, 404, [
    422,
    'RULES_INVALID: a block ends before it starts, fits no slot, or overlaps another',
  ])
  replaceRules(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
    @Body() body: ReplaceWeeklyRulesDto,
  ): Promise<Collection<WeeklyRuleDto>> {
    return this.availability.replaceRules(user, id, body.rules);
  }

  @Get(ApiRoute.booking.advisorExceptions)
  @Roles(Role.Admin, Role.Counselor)
  @ApiOperation({ summary: "An advisor's leave and extra hours from today on" })
  @ApiOkResponse({ type: AvailabilityExceptionListResponseDto })
  @ApiErrors(404)
  exceptions(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
  ): Promise<Collection<AvailabilityExceptionDto>> {
    return this.availability.exceptions(user, id);
  }

  @Post(ApiRoute.booking.advisorExceptions)
  @Roles(Role.Admin, Role.Counselor)
  @ApiOperation({ summary: 'Add leave (unavailable) or extra hours on a date' })
  @ApiCreatedResponse({ type: AvailabilityExceptionResponseDto })
  @ApiErrors(400, 404, [422, 'RULES_INVALID'])
  addException(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
    @Body() body: CreateAvailabilityExceptionDto,
  ): Promise<AvailabilityExceptionDto> {
    return this.availability.addException(user, id, body);
  }

  @Delete(ApiRoute.booking.advisorException)
  @Roles(Role.Admin, Role.Counselor)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a date exception' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  removeException(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
    @Param('exceptionId') exceptionId: string,
  ): Promise<void> {
    return this.availability.removeException(user, id, exceptionId);
  }

  @Get(ApiRoute.booking.closures)
  @Roles(Role.Admin, Role.Counselor)
  @ApiOperation({ summary: 'Center-wide closures from today on' })
  @ApiOkResponse({ type: ClosureListResponseDto })
  closures(): Promise<Collection<ClosureDto>> {
    return this.availability.closures();
  }

  @Post(ApiRoute.booking.closures)
  @Roles(Role.Admin)
  @ApiOperation({
    summary: 'Close the center on a date (admins); every advisor loses that day’s unbooked slots',
  })
  @ApiCreatedResponse({ type: ClosureResponseDto })
  @ApiErrors(400, [409, 'CLOSURE_EXISTS'])
  addClosure(@Body() body: CreateClosureDto): Promise<ClosureDto> {
    return this.availability.addClosure(body);
  }

  @Delete(ApiRoute.booking.closure)
  @Roles(Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Reopen a closed date (admins)' })
  @ApiNoContentResponse()
  @ApiErrors(404)
  removeClosure(@Param('id') id: string): Promise<void> {
    return this.availability.removeClosure(id);
  }
}
