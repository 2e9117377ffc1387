import { Injectable } from '@nestjs/common';
import type { UserDto } from '@careerside/shared';
import type { UserEntity } from '../users/user.entity';
import { toUserDto } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import type { UpdateProfileDto } from './dto/update-profile.dto';

@Injectable()
export class MeService {
  constructor(private readonly users: UsersRepository) {}

  get(user: UserEntity): UserDto {
    return toUserDto(user);
  }

  /** Applies only the fields sent; null clears one. */
  async updateProfile(user: UserEntity, changes: UpdateProfileDto): Promise<UserDto> {
    const updated = await this.users.update(user.id, {
      name: changes.name,
      studentNumber: changes.studentNumber,
      college: changes.college,
      major: changes.major,
      degree: changes.degree,
      graduationYear: changes.graduationYear,
    });
    return toUserDto(updated);
  }
}
