import { Body, Controller, Get, Header, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiRoute,
  type AdvisorDto,
  type AdvisorListResponse,
  Role,
  type SlotListResponse,
} from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { JSON_CONTENT_TYPE, type JsonText } from '../../common/http/json-text';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import type { UserEntity } from '../users/user.entity';
import { AdvisorsService } from './advisors.service';
import { AvailabilityService } from './availability.service';
import {
  AdvisorListResponseDto,
  AdvisorResponseDto,
  CreateAdvisorDto,
  ListAdvisorsQueryDto,
  UpdateAdvisorDto,
} from './dto/advisor.dto';
import { SlotListQueryDto, SlotListResponseDto } from './dto/availability.dto';

@ApiTags('advisors')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class AdvisorsController {
  constructor(
    private readonly advisors: AdvisorsService,
    private readonly availability: AvailabilityService,
  ) {}

  @Get(ApiRoute.booking.advisors)
  @ApiOperation({ summary: 'Advisors students can book, by name; filter by topic' })
  @ApiOkResponse({ type: AdvisorListResponseDto })
  @ApiErrors(400)
  list(@CurrentUser() user: UserEntity, @Query() query: ListAdvisorsQueryDto): Promise<AdvisorListResponse> {
    return this.advisors.list(user, query);
  }

  @Get(ApiRoute.booking.advisor)
  @ApiOperation({ summary: 'One advisor, by id or short code (the scene of their mini-program code)' })
  @ApiOkResponse({ type: AdvisorResponseDto })
  @ApiErrors(404)
  get(@CurrentUser() user: UserEntity, @Param('id') id: string): Promise<AdvisorDto> {
    return this.advisors.get(user, id);
  }

  @Get(ApiRoute.booking.advisorSlots)
  @ApiOperation({
    summary: "An advisor's slots between two dates",
    description:
      'Dates are calendar days in the center time zone, inclusive, clipped to today and the booking horizon. ' +
      'availability: available (seats left), full (waitlist open), closed (inside the minimum notice or withdrawn).',
  })
  @ApiOkResponse({ type: SlotListResponseDto })
  @ApiErrors(400, 404)
  @Header('Content-Type', JSON_CONTENT_TYPE)
  slots(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
    @Query() query: SlotListQueryDto,
  ): Promise<JsonText<SlotListResponse>> {
    return this.availability.slotsOf(user, id, query);
  }

  @Post(ApiRoute.booking.advisors)
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Add an advisor (admins)' })
  @ApiCreatedResponse({ type: AdvisorResponseDto })
  @ApiErrors(400, 403, [409, 'ADVISOR_EXISTS'])
  create(@Body() body: CreateAdvisorDto): Promise<AdvisorDto> {
    return this.advisors.create(body);
  }

  @Patch(ApiRoute.booking.advisor)
  @Roles(Role.Admin, Role.Counselor)
  @ApiOperation({ summary: "Change an advisor's profile (admins, or the counselor bound to it)" })
  @ApiOkResponse({ type: AdvisorResponseDto })
  @ApiErrors(400, 403, 404)
  update(
    @CurrentUser() user: UserEntity,
    @Param('id') id: string,
    @Body() body: UpdateAdvisorDto,
  ): Promise<AdvisorDto> {
    return this.advisors.update(user, id, body);
  }
}
