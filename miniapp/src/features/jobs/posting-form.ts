import {
  ApplyMethod,
  type CreateJobRequest,
  type Degree,
  type EmployerType,
  type Industry,
  type JobDto,
  type KeySector,
  type UpdateJobRequest,
} from '@careerside/shared';
import type { CenterClock } from '@/utils/center-time';
import { splitList } from './job-format';

/** A posting as its form holds it: text where people type, codes where they pick. */
export interface PostingFormValues {
  title: string;
  employer: string;
  employerType: EmployerType;
  industry: Industry | '';
  keySectors: KeySector[];
  /** Typed, separated by 、 or commas. */
  locations: string;
  degree: Degree | '';
  majors: string;
  salaryMin: string;
  salaryMax: string;
  headcount: string;
  /** YYYY-MM-DD: the end of that day in the center's time zone. */
  deadline: string;
  applyMethod: ApplyMethod;
  applyUrl: string;
  applyEmail: string;
  applyAddress: string;
  description: string;
}

export type PostingField = keyof PostingFormValues;

export function emptyPosting(): PostingFormValues {
  return {
    title: '',
    employer: '',
    employerType: 'soe',
    industry: '',
    keySectors: [],
    locations: '',
    degree: '',
    majors: '',
    salaryMin: '',
    salaryMax: '',
    headcount: '',
    deadline: '',
    applyMethod: ApplyMethod.Link,
    applyUrl: '',
    applyEmail: '',
    applyAddress: '',
    description: '',
  };
}

/** The form for an edit; the deadline shows as its date on the center's calendar. */
export function postingFromJob(job: JobDto, clock: CenterClock): PostingFormValues {
  const text = (value: number | null) => (value === null ? '' : String(value));
  return {
    title: job.title,
    employer: job.employer,
    employerType: job.employerType,
    industry: job.industry,
    keySectors: [...job.keySectors],
    locations: job.locations.join('、'),
    degree: job.degree ?? '',
    majors: job.majors.join('、'),
    salaryMin: text(job.salaryMin),
    salaryMax: text(job.salaryMax),
    headcount: text(job.headcount),
    deadline: clock.date(job.deadline),
    applyMethod: job.applyMethod,
    applyUrl: job.applyUrl ?? '',
    applyEmail: job.applyEmail ?? '',
    applyAddress: job.applyAddress ?? '',
    description: job.description,
  };
}

/** Whole non-negative numbers typed as text; blank is "not given". */
function amount(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(/[,，]/g, '');
  if (!trimmed) return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : 'invalid';
}

/**
 * The request for the form, or the fields typed in a way the server cannot read (which the form marks at
 * once). Every other rule (lengths, dates, salary order) is the server's to check and name.
 */
export function postingRequest(values: PostingFormValues): {
  request: CreateJobRequest;
  invalid: PostingField[];
} {
  const invalid: PostingField[] = [];
  const number = (field: 'salaryMin' | 'salaryMax' | 'headcount') => {
    const parsed = amount(values[field]);
    if (parsed === 'invalid') {
      invalid.push(field);
      return null;
    }
    return parsed;
  };
  const optional = (text: string) => (text.trim() ? text.trim() : null);
  const request: CreateJobRequest = {
    title: values.title.trim(),
    employer: values.employer.trim(),
    employerType: values.employerType,
    industry: values.industry as Industry,
    keySectors: values.keySectors,
    locations: splitList(values.locations),
    degree: values.degree || null,
    majors: splitList(values.majors),
    salaryMin: number('salaryMin'),
    salaryMax: number('salaryMax'),
    headcount: number('headcount'),
    deadline: values.deadline,
    applyMethod: values.applyMethod,
    applyUrl: optional(values.applyUrl),
    applyEmail: optional(values.applyEmail),
    applyAddress: optional(values.applyAddress),
    description: values.description.trim(),
  };
  return { request, invalid };
}

/** For an edit: only the fields that differ from the stored posting (an unchanged deadline keeps its time). */
export function postingChanges(
  values: PostingFormValues,
  original: PostingFormValues,
): { changes: UpdateJobRequest; invalid: PostingField[] } {
  const { request, invalid } = postingRequest(values);
  const before = postingRequest(original).request;
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(request) as (keyof CreateJobRequest)[]) {
    if (JSON.stringify(request[key]) !== JSON.stringify(before[key])) changes[key] = request[key];
  }
  return { changes: changes, invalid };
}
