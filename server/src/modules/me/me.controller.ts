import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoute, type UserDto } from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { UserResponseDto } from '../users/dto/user-response.dto';
import type { UserEntity } from '../users/user.entity';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { MeService } from './me.service';

@ApiTags('me')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get(ApiRoute.me.root)
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponseDto })
  get(@CurrentUser() user: UserEntity): UserDto {
    return this.me.get(user);
  }

  @Patch(ApiRoute.me.profile)
  @ApiOperation({ summary: 'Update the student profile; send only the fields that change, null clears one' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(400)
  updateProfile(@CurrentUser() user: UserEntity, @Body() body: UpdateProfileDto): Promise<UserDto> {
    return this.me.updateProfile(user, body);
  }
}
