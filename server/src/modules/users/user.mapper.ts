import type { UserDto } from '@careerside/shared';
import { isProfileComplete } from './user-profile';
import type { UserEntity } from './user.entity';

/** The only way a user leaves the server: the session key and openid stay behind. */
export function toUserDto(user: UserEntity): UserDto {
  return {
    id: user.id,
    role: user.role,
    name: user.name,
    advisorId: user.advisorId,
    profile: {
      name: user.name,
      studentNumber: user.studentNumber,
      college: user.college,
      major: user.major,
      degree: user.degree,
      graduationYear: user.graduationYear,
    },
    profileComplete: isProfileComplete(user),
    createdAt: user.createdAt.toISOString(),
  };
}
