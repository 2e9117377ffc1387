import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, Role, type UserDto, type UserListResponse } from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { DomainException } from '../../common/errors/domain.exception';
import type { ListUsersQueryDto } from './dto/list-users-query.dto';
import type { UpdateUserRoleDto } from './dto/update-user-role.dto';
import type { UserEntity } from './user.entity';
import { toUserDto } from './user.mapper';
import { UsersRepository } from './users.repository';

export class CannotChangeOwnRoleException extends DomainException {
  constructor() {
    super(
      ErrorCode.CannotChangeOwnRole,
      HttpStatus.CONFLICT,
      'Admins cannot change their own role; ask another admin',
    );
  }
}

@Injectable()
export class AdminUsersService {
  constructor(private readonly users: UsersRepository) {}

  async list(query: ListUsersQueryDto): Promise<UserListResponse> {
    const { items, total } = await this.users.list({
      role: query.role,
      search: query.q,
      limit: query.limit ?? 20,
      offset: query.offset ?? 0,
    });
    return { items: items.map(toUserDto), total };
  }

  /**
   * Only counselors keep an advisor binding; an admin cannot lock themselves out by changing their own role.
   * A changed role also signs the user out everywhere (their tokens are revoked), so a device they left signed
   * in does not carry on under the new role; the roles guard already reads the stored role on every request.
   */
  async updateRole(actor: UserEntity, userId: string, request: UpdateUserRoleDto): Promise<UserDto> {
    const user = await this.users.findById(userId);
    if (!user) throw new ResourceNotFoundException('User');
    if (user.id === actor.id && request.role !== actor.role) throw new CannotChangeOwnRoleException();
    const advisorId = request.role === Role.Counselor ? request.advisorId : null;
    const updated = await this.users.update(
      user.id,
      { role: request.role, advisorId },
      { revokeTokens: request.role !== user.role },
    );
    return toUserDto(updated);
  }
}
