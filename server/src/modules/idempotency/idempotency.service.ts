import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainException } from '../../common/errors/domain.exception';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { isUniqueViolation } from '../../database/database-errors';
import { runInTransaction } from '../../database/transactions';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import {
  IdempotencyKeyInProgressException,
  IdempotencyKeyReusedException,
  InvalidIdempotencyKeyException,
} from './idempotency.exception';
import { IdempotencyRepository } from './idempotency.repository';

const KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
/** How long a first request may run before a repeat may take the key over. */
const LOCK_MS = 30_000;
/** How long a repeat waits for a first request that is still running before answering 409. */
const WAIT_MS = 5_000;

export interface IdempotentResult<T> {
  body: T;
  /** True when this answer is a stored one, replayed. */
  replayed: boolean;
}

/** Writes the success answer inside the caller's transaction, so a committed booking always has its answer. */
export type RecordWithin = (manager: EntityManager, status: number, body: unknown) => Promise<void>;

interface StoredError {
  error: {
    code: DomainException['code'];
    status: number;
    message: string;
    details?: DomainException['details'];
    params: DomainException['params'];
  };
}

/**
 * Idempotency-Key for unsafe requests: the first request with a key claims it; repeats with the same body
 * get the first answer (success or refusal) for IDEMPOTENCY_TTL_HOURS; the same key with another body is
 * 422 IDEMPOTENCY_KEY_REUSED. A repeat arriving while the first still runs waits for its answer.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly keys: IdempotencyRepository,
  ) {}

  async run<T>(
    userId: string,
    scope: string,
    key: string | undefined,
    request: unknown,
    work: (recordWithin: RecordWithin) => Promise<T>,
  ): Promise<IdempotentResult<T>> {
    if (key === undefined) return { body: await work(() => Promise.resolve()), replayed: false };
    if (!KEY.test(key)) throw new InvalidIdempotencyKeyException();
    const fingerprint = createHash('sha256')
      .update(`${scope}\n${canonicalJson(request)}`)
      .digest('hex');

    const claim = await this.claim(userId, scope, key, fingerprint);
    if (claim.kind === 'replay') return { body: claim.body as T, replayed: true };

    const recordWithin: RecordWithin = (manager, status, body) =>
      this.keys.complete(manager, claim.id, status, JSON.stringify(body), new Date());
    try {
      return { body: await work(recordWithin), replayed: false };
    } catch (error) {
      await runInTransaction(this.dataSource, async (manager) => {
        if (error instanceof DomainException && error.getStatus() < 500) {
          // A refusal is an answer too: the same request would be refused the same way.
          const stored: StoredError = {
            error: {
              code: error.code,
              status: error.getStatus(),
              message: error.message,
              details: error.details,
              params: error.params,
            },
          };
          await this.keys.complete(manager, claim.id, error.getStatus(), JSON.stringify(stored), new Date());
        } else {
          // Our fault, or an unknown outcome with nothing committed: let the client retry with the same key.
          await this.keys.release(manager, claim.id);
        }
      });
      throw error;
    }
  }

  /** The periodic clean-up: answers older than the TTL go. */
  deleteExpired(now = new Date()): Promise<number> {
    return runInTransaction(this.dataSource, (manager) => this.keys.deleteExpired(manager, now));
  }

  private async claim(
    userId: string,
    scope: string,
    key: string,
    fingerprint: string,
  ): Promise<{ kind: 'claimed'; id: string } | { kind: 'replay'; body: unknown }> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const now = new Date();
      const lockedUntil = new Date(now.getTime() + LOCK_MS);
      const expiresAt = new Date(now.getTime() + this.config.booking.idempotencyTtlHours * 3_600_000);
      const record = Object.assign(new IdempotencyKeyEntity(), {
        id: randomUUID(),
        userId,
        scope,
        key,
        fingerprint,
        status: 'in_progress' as const,
        responseStatus: null,
        responseBody: null,
        lockedUntil,
        expiresAt,
        createdAt: now,
        updatedAt: now,
      });
      const outcome = await runInTransaction(this.dataSource, async (manager) => {
        try {
          await this.keys.insert(manager, record);
          return { kind: 'claimed' as const, id: record.id };
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
        return null;
      });
      if (outcome) return outcome;

      const existing = await this.keys.find(userId, scope, key);
      if (!existing) continue;
      const expired = existing.expiresAt <= now;
      if (!expired && existing.fingerprint !== fingerprint) throw new IdempotencyKeyReusedException();
      if (!expired && existing.status === 'completed') return { kind: 'replay', body: this.replay(existing) };
      const stale = expired || (existing.lockedUntil !== null && existing.lockedUntil <= now);
      if (stale) {
        const reclaimed = await runInTransaction(this.dataSource, (manager) =>
          this.keys.reclaim(manager, existing.id, fingerprint, lockedUntil, expiresAt, now),
        );
        if (reclaimed) return { kind: 'claimed', id: existing.id };
        continue;
      }
      if (Date.now() > deadline) throw new IdempotencyKeyInProgressException();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private replay(record: IdempotencyKeyEntity): unknown {
    const body = JSON.parse(record.responseBody ?? 'null') as unknown;
    if (body && typeof body === 'object' && 'error' in body) {
      const { error } = body as StoredError;
      throw new DomainException(error.code, error.status, error.message, error.details, {
        params: error.params,
        headers: { 'idempotent-replayed': 'true' },
      });
    }
    return body;
  }
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, item]) => `${JSON.stringify(k)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
