import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import {
  DataSource,
  type EntitySubscriberInterface,
  type InsertEvent,
  type RemoveEvent,
  type TransactionCommitEvent,
  type UpdateEvent,
} from 'typeorm';
import { UserEntity } from './user.entity';

/** How long a signed-in user's row is reused across requests when nothing in this process wrote users. */
export const SIGNED_IN_USER_TTL_MS = 1000;
const MAX_ENTRIES = 10_000;
const TOUCHED = 'careersideUsersTouched';

/**
 * The user row behind a bearer token, kept for a second: every request loads it, and reading it from the
 * database was the largest cost of a cached answer. Any write to the users table through TypeORM in this
 * process (repository or query builder, whichever module does it) forgets every entry at once and again when
 * its transaction commits, so a changed role or a deleted account counts from the next request here; another
 * server process sees it within a second.
 */
@Injectable()
export class SignedInUserCache implements EntitySubscriberInterface<UserEntity> {
  private readonly entries = new LRUCache<string, UserEntity>({
    max: MAX_ENTRIES,
    ttl: SIGNED_IN_USER_TTL_MS,
  });

  private readonly pending = new Map<string, Promise<UserEntity | null>>();
  private generation = 0;

  constructor(dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  /** A copy: a handler that changes its user object must not change the cached one. */
  get(id: string): UserEntity | null {
    const user = this.entries.get(id);
    return user ? Object.assign(new UserEntity(), user) : null;
  }

  set(user: UserEntity): void {
    this.entries.set(user.id, Object.assign(new UserEntity(), user));
  }

  /**
   * The user, stored or from `load`, which runs once for every caller that asks while it runs (a page's
   * parallel requests all miss together when the entry expires); each caller gets its own copy. A write to
   * users while it runs keeps the loaded row out of the cache; callers after it load anew.
   */
  async share(id: string, load: () => Promise<UserEntity | null>): Promise<UserEntity | null> {
    const stored = this.get(id);
    if (stored) return stored;
    let running = this.pending.get(id);
    if (!running) {
      const generation = this.generation;
      const loading: Promise<UserEntity | null> = load()
        .then((user) => {
          if (user && generation === this.generation) this.set(user);
          return user;
        })
        .finally(() => {
          if (this.pending.get(id) === loading) this.pending.delete(id);
        });
      this.pending.set(id, loading);
      running = loading;
    }
    const user = await running;
    return user ? Object.assign(new UserEntity(), user) : null;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.pending.clear();
  }

  listenTo(): typeof UserEntity {
    return UserEntity;
  }

  afterInsert(event: InsertEvent<UserEntity>): void {
    this.touched(event.queryRunner.data);
  }

  afterUpdate(event: UpdateEvent<UserEntity>): void {
    this.touched(event.queryRunner.data);
  }

  afterRemove(event: RemoveEvent<UserEntity>): void {
    this.touched(event.queryRunner.data);
  }

  // Called for every entity's transactions: a read between the write and the commit may have stored the old row.
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown>;
    if (data[TOUCHED]) {
      delete data[TOUCHED];
      this.clear();
    }
  }

  private touched(queryRunnerData: Record<string, unknown>): void {
    queryRunnerData[TOUCHED] = true;
    this.clear();
  }
}
