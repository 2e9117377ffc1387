import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { affectedRows } from '../../database/transactions';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(IdempotencyKeyEntity);
  }

  find(
    userId: string,
    scope: string,
    key: string,
    manager?: EntityManager,
  ): Promise<IdempotencyKeyEntity | null> {
    return this.repo(manager).findOneBy({ userId, scope, key });
  }

  async insert(manager: EntityManager, record: IdempotencyKeyEntity): Promise<void> {
    await this.repo(manager).insert(record);
  }

  /** Takes over a key whose first request died (its lock ran out) or whose answer has expired. */
  async reclaim(
    manager: EntityManager,
    id: string,
    fingerprint: string,
    lockedUntil: Date,
    expiresAt: Date,
    now: Date,
  ): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update(IdempotencyKeyEntity)
      .set({
        status: 'in_progress',
        fingerprint,
        lockedUntil,
        expiresAt,
        responseStatus: null,
        responseBody: null,
        updatedAt: now,
      })
      .where('id = :id', { id })
      .andWhere("((status = 'in_progress' AND locked_until <= :now) OR expires_at <= :now)", { now })
      .execute();
    return affectedRows(result) === 1;
  }

  async complete(manager: EntityManager, id: string, status: number, body: string, now: Date): Promise<void> {
    await this.repo(manager).update(
      { id },
      { status: 'completed', responseStatus: status, responseBody: body, lockedUntil: null, updatedAt: now },
    );
  }

  async release(manager: EntityManager, id: string): Promise<void> {
    await this.repo(manager).delete({ id, status: 'in_progress' });
  }

  async deleteExpired(manager: EntityManager, now: Date): Promise<number> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .delete()
      .from(IdempotencyKeyEntity)
      .where('expires_at <= :now', { now })
      .execute();
    return affectedRows(result);
  }
}
