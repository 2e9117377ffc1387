import type { Role } from '../enums/role.enum';
import type { Collection } from './common.contract';
import type { UserDto } from './me.contract';

/** `GET /api/admin/users`: newest first, paged by offset. */
export interface ListUsersQuery {
  role?: Role;
  /** Matches name, student number, college or major. */
  q?: string;
  /** 1-100, default 20. */
  limit?: number;
  offset?: number;
}

export type UserListResponse = Collection<UserDto> & { total: number };

/** `PATCH /api/admin/users/:id`: how an admin makes counselors and other admins. */
export interface UpdateUserRoleRequest {
  role: Role;
  /** Binds a counselor to an advisor profile; null unbinds. Omitted leaves it as it is. */
  advisorId?: string | null;
}
