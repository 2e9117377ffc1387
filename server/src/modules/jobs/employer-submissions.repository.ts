import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SubmissionStatus } from '@careerside/shared';
import { EmployerSubmissionEntity } from './employer-submission.entity';

/** Employer submissions and their review. */
@Injectable()
export class EmployerSubmissionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(submission: EmployerSubmissionEntity): Promise<void> {
    await this.dataSource.getRepository(EmployerSubmissionEntity).insert(submission);
  }

  findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EmployerSubmissionEntity | null> {
    return manager.getRepository(EmployerSubmissionEntity).findOneBy({ id });
  }

  findByTokenHash(tokenHash: string): Promise<EmployerSubmissionEntity | null> {
    return this.dataSource.getRepository(EmployerSubmissionEntity).findOneBy({ tokenHash });
  }

  /** The pending queue oldest first (first come, first reviewed); reviewed ones newest review first. */
  async list(
    status: SubmissionStatus,
    limit: number,
    offset: number,
  ): Promise<{ items: EmployerSubmissionEntity[]; total: number }> {
    const query = this.dataSource
      .getRepository(EmployerSubmissionEntity)
      .createQueryBuilder('submission')
      .where('submission.status = :status', { status });
    if (status === SubmissionStatus.Pending) query.orderBy('submission.createdAt', 'ASC');
    else query.orderBy('submission.reviewedAt', 'DESC');
    const [items, total] = await query
      .addOrderBy('submission.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items, total };
  }

  /** Pending to reviewed, for exactly one reviewer: false when someone reviewed it first. */
  async review(
    manager: EntityManager,
    id: string,
    changes: { status: SubmissionStatus; reviewedBy: string; declineReason?: string; now: Date },
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(EmployerSubmissionEntity)
      .set({
        status: changes.status,
        reviewedBy: changes.reviewedBy,
        reviewedAt: changes.now,
        declineReason: changes.declineReason ?? null,
        updatedAt: changes.now,
      })
      .where('id = :id AND status = :pending', { id, pending: SubmissionStatus.Pending })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async linkJob(manager: EntityManager, id: string, jobId: string): Promise<void> {
    await manager.getRepository(EmployerSubmissionEntity).update({ id }, { jobId });
  }

  /** Reviewers' names for a page of submissions. */
  async reviewerNames(userIds: readonly string[]): Promise<Map<string, string | null>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.dataSource
      .createQueryBuilder()
      .select(['u.id AS id', 'u.name AS name'])
      .from('users', 'u')
      .where('u.id IN (:...userIds)', { userIds: [...new Set(userIds)] })
      .getRawMany<{ id: string; name: string | null }>();
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
