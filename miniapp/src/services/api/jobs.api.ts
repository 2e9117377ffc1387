import {
  type AdminJobDto,
  type AdminJobListResponse,
  type AdminJobSubmissionDto,
  type AdminListJobsQuery,
  type AlertOpenedResponse,
  type ApproveJobSubmissionResponse,
  type CreateJobRequest,
  type CreateJobSubmissionRequest,
  type ImportJobsRequest,
  type ImportJobsResponse,
  type JobAlertsResponse,
  type JobDto,
  type JobListResponse,
  type JobMarkDto,
  type JobMarksResponse,
  type JobMatchListResponse,
  type JobStatsResponse,
  type JobSubmissionListResponse,
  type JobSubmissionReceipt,
  type JobSubmissionStatusDto,
  JobsRoute,
  type ListJobSubmissionsQuery,
  type ListJobsQuery,
  type MyJobListResponse,
  type PublishJobResponse,
  type UpdateJobAlertsRequest,
  type UpdateJobRequest,
  routePath,
} from '@careerside/shared';
import { request } from '@/services/http/request';

const R = JobsRoute;
const withId = (template: string, id: string) => routePath(template, { id });

export const jobsApi = {
  list: (query: ListJobsQuery = {}) =>
    request<JobListResponse>({
      path: R.list,
      query: { ...query, keySectorsOnly: query.keySectorsOnly ? 'true' : undefined },
    }),
  get: (id: string) => request<JobDto>({ path: withId(R.detail, id) }),
  marks: () => request<JobMarksResponse>({ path: R.myMarks }),
  mark: (id: string, kind: 'save' | 'applied', on: boolean) =>
    request<JobMarkDto>({
      method: on ? 'PUT' : 'DELETE',
      path: withId(kind === 'save' ? R.save : R.applied, id),
    }),
  saved: (cursor?: string) => request<MyJobListResponse>({ path: R.mySaved, query: { cursor } }),
  applied: (cursor?: string) => request<MyJobListResponse>({ path: R.myApplied, query: { cursor } }),
  matches: (cursor?: string) => request<JobMatchListResponse>({ path: R.myMatches, query: { cursor } }),
  alerts: () => request<JobAlertsResponse>({ path: R.myAlerts }),
  saveAlerts: (body: UpdateJobAlertsRequest) =>
    request<JobAlertsResponse>({ method: 'PUT', path: R.myAlerts, body }),
  alertOpened: (id: string) =>
    request<AlertOpenedResponse>({ method: 'POST', path: withId(R.alertOpened, id) }),
};

export const staffJobsApi = {
  list: (query: AdminListJobsQuery = {}) =>
    request<AdminJobListResponse>({ path: R.admin.jobs, query: { ...query } }),
  get: (id: string) => request<AdminJobDto>({ path: withId(R.admin.job, id) }),
  create: (body: CreateJobRequest) => request<AdminJobDto>({ method: 'POST', path: R.admin.jobs, body }),
  update: (id: string, body: UpdateJobRequest) =>
    request<AdminJobDto>({ method: 'PATCH', path: withId(R.admin.job, id), body }),
  publish: (id: string) =>
    request<PublishJobResponse>({ method: 'POST', path: withId(R.admin.publish, id), body: {} }),
  close: (id: string) => request<AdminJobDto>({ method: 'POST', path: withId(R.admin.close, id), body: {} }),
  stats: (id: string) => request<JobStatsResponse>({ path: withId(R.admin.stats, id) }),
  import: (body: ImportJobsRequest) =>
    request<ImportJobsResponse>({ method: 'POST', path: R.admin.import, body, timeoutMs: 60_000 }),
  submissions: (query: ListJobSubmissionsQuery = {}) =>
    request<JobSubmissionListResponse>({ path: R.admin.submissions, query: { ...query } }),
  approve: (id: string, publish: boolean) =>
    request<ApproveJobSubmissionResponse>({
      method: 'POST',
      path: withId(R.admin.approve, id),
      body: { publish },
    }),
  decline: (id: string, reason: string) =>
    request<AdminJobSubmissionDto>({ method: 'POST', path: withId(R.admin.decline, id), body: { reason } }),
};

export const employerApi = {
  submit: (body: CreateJobSubmissionRequest) =>
    request<JobSubmissionReceipt>({ method: 'POST', path: R.employer.submissions, body }),
  status: (token: string) =>
    request<JobSubmissionStatusDto>({ path: routePath(R.employer.submission, { token }) }),
};
