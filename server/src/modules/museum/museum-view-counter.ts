import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { runInTransaction } from '../../database/transactions';
import { MuseumEngagementRepository, type Visit } from './museum-engagement.repository';
import { MuseumRepository } from './museum.repository';

/**
 * Exhibit views are counted in memory and written in one transaction every MUSEUM_VIEW_FLUSH_MS, so opening
 * an exhibit never waits on a counter row (nor contends for one when a class opens the same story at once).
 * Each process adds only its own views, so several processes count correctly together. A flush that fails
 * keeps its views for the next try; shutdown flushes what is left. A crash loses at most one interval.
 */
@Injectable()
export class MuseumViewCounter implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('MuseumViews');
  private views = new Map<string, number>();
  private visits = new Map<string, Visit>();
  /** Visits being written right now: still "pending" for readers until their transaction commits. */
  private writing = new Map<string, Visit>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly museum: MuseumRepository,
    private readonly engagement: MuseumEngagementRepository,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.config.museum.viewFlushMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Synchronous and cheap: what the exhibit page calls before answering. */
  record(exhibitId: string, userId: string, at: Date = new Date()): void {
    this.views.set(exhibitId, (this.views.get(exhibitId) ?? 0) + 1);
    this.visits.set(`${userId}:${exhibitId}`, { userId, exhibitId, visitedAt: at });
  }

  /** This student's newest visit not yet written, for "continue your tour" right after a view. */
  pendingVisitOf(userId: string): Visit | null {
    let latest: Visit | null = null;
    for (const visit of [...this.visits.values(), ...this.writing.values()]) {
      if (visit.userId === userId && (!latest || visit.visitedAt > latest.visitedAt)) latest = visit;
    }
    return latest;
  }

  /** Writes what has been counted so far; concurrent calls share one flush. */
  flush(): Promise<void> {
    this.flushing ??= this.write().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.views.size === 0 && this.visits.size === 0) return;
    const views = this.views;
    const visits = this.visits;
    this.views = new Map();
    this.visits = new Map();
    this.writing = visits;
    try {
      await runInTransaction(this.dataSource, async (manager) => {
        await this.museum.addViews(views, manager);
        await this.engagement.recordVisits([...visits.values()], manager);
      });
    } catch (error) {
      // Put them back for the next flush; views counted meanwhile are added on top.
      for (const [id, count] of views) this.views.set(id, (this.views.get(id) ?? 0) + count);
      for (const [key, visit] of visits) if (!this.visits.has(key)) this.visits.set(key, visit);
      this.logger.warn({ err: error }, `Could not write ${views.size} exhibits' views; retrying next flush`);
    } finally {
      this.writing = new Map();
    }
  }
}
