export const Role = {
  Student: 'student',
  Counselor: 'counselor',
  Admin: 'admin',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);
