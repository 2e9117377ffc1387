import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRoute, Role, type UserDto, type UserListResponse } from '@careerside/shared';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ApiErrors } from '../../common/openapi/api-errors.decorator';
import { AdminUsersService } from './admin-users.service';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateUserRoleDto } from './dto/update-user-role.dto';
import { UserListResponseDto, UserResponseDto } from './dto/user-response.dto';
import type { UserEntity } from './user.entity';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.Admin)
@ApiErrors(401, 403)
@Controller()
export class AdminUsersController {
  constructor(private readonly adminUsers: AdminUsersService) {}

  @Get(ApiRoute.admin.users)
  @ApiOperation({ summary: 'List users, newest first' })
  @ApiOkResponse({ type: UserListResponseDto })
  @ApiErrors(400)
  list(@Query() query: ListUsersQueryDto): Promise<UserListResponse> {
    return this.adminUsers.list(query);
  }

  @Patch(ApiRoute.admin.user)
  @ApiOperation({ summary: "Change a user's role (and a counselor's advisor binding)" })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors(400, 404, [409, 'CANNOT_CHANGE_OWN_ROLE'])
  updateRole(
    @CurrentUser() actor: UserEntity,
    @Param('id') id: string,
    @Body() body: UpdateUserRoleDto,
  ): Promise<UserDto> {
    return this.adminUsers.updateRole(actor, id, body);
  }
}
