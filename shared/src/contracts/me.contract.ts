import type { Role } from '../enums/role.enum';
import type { Degree } from '../enums/taxonomy.enum';
import type { IsoDateTime } from './common.contract';

/** Only what the service needs to know about a student. */
export interface StudentProfile {
  name: string | null;
  studentNumber: string | null;
  college: string | null;
  major: string | null;
  degree: Degree | null;
  graduationYear: number | null;
}

export interface UserDto {
  id: string;
  role: Role;
  name: string | null;
  /** For counselors: the advisor profile they act for. */
  advisorId: string | null;
  profile: StudentProfile;
  /** True once a student has filled in the fields booking needs (name, college, degree, graduation year). */
  profileComplete: boolean;
  createdAt: IsoDateTime;
}

export type UpdateProfileRequest = Partial<StudentProfile>;
