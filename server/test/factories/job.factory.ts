import type { AdminJobDto, CreateJobRequest, PublishJobResponse } from '@careerside/shared';
import type { ApiClient } from '../support/api-client';

let sequence = 0;

/** A deadline this many days ahead, as an ISO date-time. */
export function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

export const jobFactory = {
  /** A valid posting request; a key-sector aerospace job in 西安 unless overridden. */
  build(overrides: Partial<CreateJobRequest> = {}): CreateJobRequest {
    sequence += 1;
    return {
      title: `飞行器结构设计工程师 ${sequence}`,
      employer: '某航天科技研究院',
      employerType: 'research_institute',
      industry: 'aerospace',
      keySectors: ['aerospace'],
      locations: ['西安'],
      degree: 'master',
      majors: ['飞行器设计与工程', '工程力学'],
      salaryMin: 12_000,
      salaryMax: 18_000,
      headcount: 5,
      deadline: daysAhead(30),
      applyMethod: 'link',
      applyUrl: 'https://hr.example.cn/apply',
      description: '负责飞行器总体结构设计与强度校核，参与型号研制。',
      ...overrides,
    };
  },

  /** A draft through the staff API. */
  async create(admin: ApiClient, overrides: Partial<CreateJobRequest> = {}): Promise<AdminJobDto> {
    const response = await admin.post<AdminJobDto>('admin/jobs', this.build(overrides));
    if (response.status !== 201) throw new Error(`create job failed: ${response.status} ${response.text}`);
    return response.body;
  },

  async publish(admin: ApiClient, id: string): Promise<PublishJobResponse> {
    const response = await admin.post<PublishJobResponse>(`admin/jobs/${id}/publish`);
    if (response.status !== 200) throw new Error(`publish failed: ${response.status} ${response.text}`);
    return response.body;
  },

  /** Created and published. */
  async createPublished(
    admin: ApiClient,
    overrides: Partial<CreateJobRequest> = {},
  ): Promise<PublishJobResponse> {
    const job = await this.create(admin, overrides);
    return this.publish(admin, job.id);
  },
};
