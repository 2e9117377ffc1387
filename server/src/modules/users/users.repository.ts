import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, Repository } from 'typeorm';
import type { Degree, Role } from '@careerside/shared';
import { isUniqueViolation } from '../../database/database-errors';
import { SignedInUserCache } from './signed-in-user-cache';
import { UserEntity } from './user.entity';

/** Increments in the database, so concurrent revocations never lose one. */
const NEXT_TOKEN_VERSION = (): string => 'token_version + 1';

export interface NewUser {
  openid: string;
  role: Role;
  name?: string | null;
  advisorId?: string | null;
}

export interface UserChanges {
  role?: Role;
  name?: string | null;
  studentNumber?: string | null;
  college?: string | null;
  major?: string | null;
  degree?: Degree | null;
  graduationYear?: number | null;
  advisorId?: string | null;
}

export interface UserListFilter {
  role?: Role;
  search?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly signedIn: SignedInUserCache,
  ) {}

  /** With `manager`, read inside that transaction. */
  findById(id: string, manager?: EntityManager): Promise<UserEntity | null> {
    return (manager ? manager.getRepository(UserEntity) : this.users).findOneBy({ id });
  }

  /** The user behind a request's token; reused for up to a second (see SignedInUserCache). */
  findSignedIn(id: string): Promise<UserEntity | null> {
    return this.signedIn.share(id, () => this.users.findOneBy({ id }));
  }

  findByOpenid(openid: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ openid });
  }

  /** Creates the user unless a concurrent sign-in with the same openid created it first. */
  async insertIfAbsent(user: NewUser): Promise<UserEntity> {
    const now = new Date();
    try {
      await this.users.insert({
        id: randomUUID(),
        openid: user.openid,
        role: user.role,
        name: user.name ?? null,
        advisorId: user.advisorId ?? null,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    return this.users.findOneByOrFail({ openid: user.openid });
  }

  /** With `revokeTokens`, the same UPDATE also makes every token issued to the user so far invalid. */
  async update(
    id: string,
    changes: UserChanges,
    options: { revokeTokens?: boolean } = {},
  ): Promise<UserEntity> {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(defined).length > 0 || options.revokeTokens) {
      await this.users.update(
        { id },
        {
          ...defined,
          ...(options.revokeTokens ? { tokenVersion: NEXT_TOKEN_VERSION } : {}),
          updatedAt: new Date(),
        },
      );
    }
    return this.users.findOneByOrFail({ id });
  }

  /**
   * Revokes every token issued to the user so far, in one UPDATE. Like any write to users through TypeORM, it
   * drops this process's SignedInUserCache entries at once (see there), so the next request here is refused;
   * other processes follow within the cache's TTL.
   */
  async revokeTokens(id: string): Promise<void> {
    await this.users.update({ id }, { tokenVersion: NEXT_TOKEN_VERSION });
  }

  /** `sealed`: the session key as AuthService encrypted it; the plain key is never stored. */
  async storeWechatSessionKey(id: string, sealed: string): Promise<void> {
    await this.users.update({ id }, { wechatSessionKey: sealed });
  }

  async list(filter: UserListFilter): Promise<{ items: UserEntity[]; total: number }> {
    const query = this.users.createQueryBuilder('user');
    if (filter.role) query.andWhere('user.role = :role', { role: filter.role });
    if (filter.search) {
      // '!' escapes LIKE wildcards the same way on MySQL and SQLite (a backslash literal differs).
      const pattern = `%${filter.search.replace(/[!%_]/g, (c) => `!${c}`)}%`;
      query.andWhere(
        new Brackets((where) => {
          for (const column of ['name', 'studentNumber', 'college', 'major']) {
            where.orWhere(`user.${column} LIKE :pattern ESCAPE '!'`, { pattern });
          }
        }),
      );
    }
    const [items, total] = await query
      .orderBy('user.createdAt', 'DESC')
      .addOrderBy('user.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  count(): Promise<number> {
    return this.users.count();
  }
}
