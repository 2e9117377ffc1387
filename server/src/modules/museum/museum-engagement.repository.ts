import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';
import type { MuseumReaction } from '@careerside/shared';
import { isUniqueViolation } from '../../database/database-errors';
import { MuseumHallFollowEntity, MuseumReactionEntity, MuseumVisitEntity } from './museum-engagement.entity';

export interface Visit {
  userId: string;
  exhibitId: string;
  visitedAt: Date;
}

/** Likes, favourites, visits and follows: rows keyed by (student, thing), so repeats are no-ops. */
@Injectable()
export class MuseumEngagementRepository {
  constructor(
    @InjectRepository(MuseumReactionEntity) private readonly reactions: Repository<MuseumReactionEntity>,
    @InjectRepository(MuseumVisitEntity) private readonly visits: Repository<MuseumVisitEntity>,
    @InjectRepository(MuseumHallFollowEntity) private readonly follows: Repository<MuseumHallFollowEntity>,
  ) {}

  /** True when the row is new; a second identical reaction changes nothing. */
  async addReaction(userId: string, exhibitId: string, kind: MuseumReaction): Promise<boolean> {
    try {
      await this.reactions.insert({ userId, exhibitId, kind, createdAt: new Date() });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async removeReaction(userId: string, exhibitId: string, kind: MuseumReaction): Promise<void> {
    await this.reactions.delete({ userId, exhibitId, kind });
  }

  async reactionsOf(userId: string, exhibitId: string): Promise<Set<MuseumReaction>> {
    const rows = await this.reactions.find({ select: { kind: true }, where: { userId, exhibitId } });
    return new Set(rows.map((row) => row.kind));
  }

  /** The newest visit per (student, exhibit) wins; older ones are left as they are. */
  async recordVisits(visits: readonly Visit[], manager: EntityManager): Promise<void> {
    if (visits.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(MuseumVisitEntity)
      .values(visits.map((visit) => ({ ...visit })))
      .orUpdate(['visited_at'], ['user_id', 'exhibit_id'])
      .execute();
  }

  /** The student's most recent visits, newest first. */
  latestVisits(userId: string, limit: number): Promise<MuseumVisitEntity[]> {
    return this.visits.find({ where: { userId }, order: { visitedAt: 'DESC' }, take: limit });
  }

  async follow(userId: string, hallId: string): Promise<void> {
    try {
      await this.follows.insert({ userId, hallId, createdAt: new Date() });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  async unfollow(userId: string, hallId: string): Promise<void> {
    await this.follows.delete({ userId, hallId });
  }

  async followedHallIds(userId: string, hallIds: readonly string[]): Promise<Set<string>> {
    if (hallIds.length === 0) return new Set();
    const rows = await this.follows.find({
      select: { hallId: true },
      where: { userId, hallId: In([...hallIds]) },
    });
    return new Set(rows.map((row) => row.hallId));
  }

  async followerCounts(hallIds: readonly string[]): Promise<Map<string, number>> {
    if (hallIds.length === 0) return new Map();
    const rows = await this.follows
      .createQueryBuilder('follow')
      .select('follow.hallId', 'hallId')
      .addSelect('COUNT(*)', 'count')
      .where({ hallId: In([...hallIds]) })
      .groupBy('follow.hallId')
      .getRawMany<{ hallId: string; count: number | string }>();
    return new Map(rows.map((row) => [row.hallId, Number(row.count)]));
  }

  async followerIds(hallId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.find(MuseumHallFollowEntity, { select: { userId: true }, where: { hallId } });
    return rows.map((row) => row.userId);
  }
}
