import type { UserEntity } from './user.entity';

/** Booking needs a name, college, degree and graduation year (shared UserDto.profileComplete). */
export function isProfileComplete(user: UserEntity): boolean {
  return Boolean(user.name && user.college && user.degree && user.graduationYear);
}
