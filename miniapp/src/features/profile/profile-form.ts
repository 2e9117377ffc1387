import type { Degree, StudentProfile, UpdateProfileRequest } from '@careerside/shared';

/** What the edit form holds: text as typed, the degree as a shared DEGREES code. */
export interface ProfileFormValues {
  name: string;
  studentNumber: string;
  college: string;
  major: string;
  degree: Degree | null;
  graduationYear: string;
}

export type ProfileField = keyof ProfileFormValues;

export function toFormValues(profile: StudentProfile): ProfileFormValues {
  return {
    name: profile.name ?? '',
    studentNumber: profile.studentNumber ?? '',
    college: profile.college ?? '',
    major: profile.major ?? '',
    degree: profile.degree,
    graduationYear: profile.graduationYear === null ? '' : String(profile.graduationYear),
  };
}

const textOrNull = (value: string): string | null => value.trim() || null;

/**
 * Only the fields that changed, so the PATCH never rewrites what the user did not touch. The year is sent as
 * typed when it is a whole number; its range is the server's rule and comes back as a field error.
 */
export function toUpdateRequest(
  values: ProfileFormValues,
  original: StudentProfile,
): { request: UpdateProfileRequest; localErrors: Partial<Record<ProfileField, 'yearFormat'>> } {
  const request: UpdateProfileRequest = {};
  const localErrors: Partial<Record<ProfileField, 'yearFormat'>> = {};

  for (const field of ['name', 'studentNumber', 'college', 'major'] as const) {
    const next = textOrNull(values[field]);
    if (next !== original[field]) request[field] = next;
  }
  if (values.degree !== original.degree) request.degree = values.degree;

  const yearText = values.graduationYear.trim();
  if (yearText === '') {
    if (original.graduationYear !== null) request.graduationYear = null;
  } else if (/^\d{4}$/.test(yearText)) {
    const year = Number(yearText);
    if (year !== original.graduationYear) request.graduationYear = year;
  } else {
    localErrors.graduationYear = 'yearFormat';
  }
  return { request, localErrors };
}
