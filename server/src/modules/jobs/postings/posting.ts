import {
  ApplyMethod,
  type CreateJobRequest,
  type Degree,
  type EmployerType,
  ImportErrorCode,
  type Industry,
  type KeySector,
} from '@careerside/shared';
import { normalizeLocations } from './locations';

/** A posting's content, normalized: what the jobs table stores whatever the source (staff, employer, CSV). */
export interface Posting {
  title: string;
  employer: string;
  employerType: EmployerType;
  industry: Industry;
  keySectors: KeySector[];
  /** As shown; empty = open anywhere. */
  locations: string[];
  /** Matching keys of `locations`, same order. */
  locationKeys: string[];
  degree: Degree | null;
  majors: string[];
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number | null;
  deadline: Date;
  applyMethod: ApplyMethod;
  applyUrl: string | null;
  applyEmail: string | null;
  applyAddress: string | null;
  description: string;
}

export type PostingField = keyof CreateJobRequest;

export interface PostingProblem {
  field: PostingField;
  code: ImportErrorCode;
}

/** Text fields as stored: trimmed, blank meaning absent. */
export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function uniqueClean(values: readonly string[] | undefined): string[] {
  const cleaned = (values ?? []).map((value) => value.replace(/\s+/gu, ' ').trim()).filter(Boolean);
  return [...new Set(cleaned)];
}

/** Without an explicit method: a link if there is one, then an email address, then an address on site. */
export function inferApplyMethod(fields: {
  applyMethod?: ApplyMethod | null;
  applyUrl?: string | null;
  applyEmail?: string | null;
  applyAddress?: string | null;
}): ApplyMethod | null {
  if (fields.applyMethod) return fields.applyMethod;
  if (cleanText(fields.applyUrl)) return ApplyMethod.Link;
  if (cleanText(fields.applyEmail)) return ApplyMethod.Email;
  if (cleanText(fields.applyAddress)) return ApplyMethod.OnSite;
  return null;
}

/** Builds the stored form from validated request fields (shapes already checked) and a parsed deadline. */
export function toPosting(request: Omit<CreateJobRequest, 'deadline'>, deadline: Date): Posting {
  const { shown, keys } = normalizeLocations(request.locations ?? []);
  return {
    title: request.title.trim(),
    employer: request.employer.trim(),
    employerType: request.employerType ?? 'other',
    industry: request.industry,
    keySectors: [...new Set(request.keySectors ?? [])],
    locations: shown,
    locationKeys: keys,
    degree: request.degree ?? null,
    majors: uniqueClean(request.majors),
    salaryMin: request.salaryMin ?? null,
    salaryMax: request.salaryMax ?? null,
    headcount: request.headcount ?? null,
    deadline,
    // Callers check problems first; an unresolved method is reported by postingProblems.
    applyMethod: inferApplyMethod(request) ?? ApplyMethod.Link,
    applyUrl: cleanText(request.applyUrl),
    applyEmail: cleanText(request.applyEmail),
    applyAddress: cleanText(request.applyAddress),
    description: request.description.trim(),
  };
}

/**
 * Rules across fields, the same for every source. `deadlineChanged` is false when an edit leaves the
 * deadline alone, so fixing a typo in an old draft is not refused for its past deadline.
 */
export function postingProblems(
  posting: Posting,
  options: { now: Date; deadlineChanged: boolean; applyMethodGiven: boolean },
): PostingProblem[] {
  const problems: PostingProblem[] = [];
  if (posting.salaryMin !== null && posting.salaryMax !== null && posting.salaryMin > posting.salaryMax) {
    problems.push({ field: 'salaryMax', code: ImportErrorCode.SalaryRange });
  }
  if (options.deadlineChanged && posting.deadline.getTime() <= options.now.getTime()) {
    problems.push({ field: 'deadline', code: ImportErrorCode.DeadlinePassed });
  }
  if (!options.applyMethodGiven) {
    problems.push({ field: 'applyMethod', code: ImportErrorCode.ApplyTargetMissing });
  } else if (posting.applyMethod === ApplyMethod.Link && !posting.applyUrl) {
    problems.push({ field: 'applyUrl', code: ImportErrorCode.ApplyTargetMissing });
  } else if (posting.applyMethod === ApplyMethod.Email && !posting.applyEmail) {
    problems.push({ field: 'applyEmail', code: ImportErrorCode.ApplyTargetMissing });
  } else if (posting.applyMethod === ApplyMethod.OnSite && !posting.applyAddress) {
    problems.push({ field: 'applyAddress', code: ImportErrorCode.ApplyTargetMissing });
  }
  return problems;
}
