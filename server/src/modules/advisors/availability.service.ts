import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  AvailabilityExceptionDto,
  ClosureDto,
  Collection,
  ErrorDetail,
  SlotListResponse,
  WeeklyRuleDto,
} from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import type { JsonText } from '../../common/http/json-text';
import { zonedDate } from '../../common/time/zoned-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { isUniqueViolation } from '../../database/database-errors';
import { runInTransaction } from '../../database/transactions';
import { minutesOfDay } from '../slots/slot-time';
import { type SyncSummary, SlotMaterializer } from '../slots/slot-materializer.service';
import { SlotsService } from '../slots/slots.service';
import type { UserEntity } from '../users/user.entity';
import { assertCanManageAdvisor } from './advisor-access';
import { AdvisorsRepository, AvailabilityRepository } from './advisors.repository';
import { AdvisorsService } from './advisors.service';
import { ClosureExistsException, RulesInvalidException } from './advisors.exception';
import { AvailabilityExceptionEntity } from './availability-exception.entity';
import { CenterClosureEntity } from './center-closure.entity';
import type {
  CreateAvailabilityExceptionDto,
  CreateClosureDto,
  WeeklyRuleInputDto,
} from './dto/availability.dto';
import { WeeklyRuleEntity } from './weekly-rule.entity';

@Injectable()
export class AvailabilityService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Availability');

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly advisors: AdvisorsRepository,
    private readonly availability: AvailabilityRepository,
    private readonly advisorsService: AdvisorsService,
    private readonly materializer: SlotMaterializer,
    private readonly slots: SlotsService,
  ) {}

  /** Slots exist for the whole horizon from the first request on, even before the daily job has run. */
  async onApplicationBootstrap(): Promise<void> {
    const summary = await this.extendHorizon();
    if (summary.created > 0) this.logger.log(summary, 'Materialised slots over the booking horizon');
  }

  /** Served serialized: the most read answer of the app, cached for a second (see SlotListingCache). */
  async slotsOf(
    user: UserEntity,
    idOrCode: string,
    range: { from?: string; to?: string },
    now = new Date(),
  ): Promise<JsonText<SlotListResponse>> {
    const cached = this.slots.cachedListing(idOrCode, range, now);
    if (cached) return cached;
    // An active advisor is visible to everyone: one lookup and one listing for all who miss together.
    const shared = await this.slots.sharedListing(
      idOrCode,
      range,
      async () => {
        const advisor = await this.advisors.findByIdOrCode(idOrCode);
        return advisor?.active ? advisor : null;
      },
      now,
    );
    if (shared) return shared;
    const advisor = await this.advisorsService.visible(user, idOrCode);
    return this.slots.listingText(advisor, idOrCode, range, now);
  }

  async rules(user: UserEntity, advisorId: string): Promise<Collection<WeeklyRuleDto>> {
    await this.managed(user, advisorId);
    return { items: (await this.availability.rulesOf(advisorId)).map(toRuleDto) };
  }

  /** Replaces the weekly schedule and brings future slots in line, in one transaction. */
  async replaceRules(
    user: UserEntity,
    advisorId: string,
    rules: WeeklyRuleInputDto[],
    now = new Date(),
  ): Promise<Collection<WeeklyRuleDto>> {
    await this.managed(user, advisorId);
    const problems = weeklyRuleProblems(rules);
    if (problems.length > 0) throw new RulesInvalidException(problems);
    const entities = rules.map((rule) =>
      Object.assign(new WeeklyRuleEntity(), {
        id: randomUUID(),
        advisorId,
        ...rule,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await runInTransaction(this.dataSource, async (manager) => {
      await this.availability.replaceRules(manager, advisorId, entities);
      await this.syncAdvisor(manager, advisorId, now);
    });
    return this.rules(user, advisorId);
  }

  async exceptions(
    user: UserEntity,
    advisorId: string,
    now = new Date(),
  ): Promise<Collection<AvailabilityExceptionDto>> {
    await this.managed(user, advisorId);
    const today = zonedDate(now, this.config.center.timezone);
    return { items: (await this.availability.exceptionsOf(advisorId, today)).map(toExceptionDto) };
  }

  async addException(
    user: UserEntity,
    advisorId: string,
    request: CreateAvailabilityExceptionDto,
    now = new Date(),
  ): Promise<AvailabilityExceptionDto> {
    await this.managed(user, advisorId);
    return runInTransaction(this.dataSource, (manager) =>
      this.addExceptionWithin(manager, advisorId, request, now),
    );
  }

  /**
   * Adds a date exception inside the caller's transaction and brings the advisor's slots in line (booked
   * slots on leave are withdrawn, not deleted). The caller has checked the user may manage the advisor.
   */
  async addExceptionWithin(
    manager: EntityManager,
    advisorId: string,
    request: CreateAvailabilityExceptionDto,
    now = new Date(),
  ): Promise<AvailabilityExceptionDto> {
    const problems = exceptionProblems(request);
    if (problems.length > 0) throw new RulesInvalidException(problems);
    const exception = Object.assign(new AvailabilityExceptionEntity(), {
      id: randomUUID(),
      advisorId,
      ...request,
      createdAt: now,
      updatedAt: now,
    });
    await this.availability.insertException(manager, exception);
    await this.syncAdvisor(manager, advisorId, now);
    return toExceptionDto(exception);
  }

  async removeException(
    user: UserEntity,
    advisorId: string,
    exceptionId: string,
    now = new Date(),
  ): Promise<void> {
    await this.managed(user, advisorId);
    if (!(await this.availability.findException(advisorId, exceptionId))) {
      throw new ResourceNotFoundException('Availability exception');
    }
    await runInTransaction(this.dataSource, async (manager) => {
      await this.availability.deleteException(manager, exceptionId);
      await this.syncAdvisor(manager, advisorId, now);
    });
  }

  async closures(now = new Date()): Promise<Collection<ClosureDto>> {
    const today = zonedDate(now, this.config.center.timezone);
    return { items: (await this.availability.closuresFrom(today)).map(toClosureDto) };
  }

  async addClosure(request: CreateClosureDto, now = new Date()): Promise<ClosureDto> {
    const closure = Object.assign(new CenterClosureEntity(), {
      id: randomUUID(),
      ...request,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await runInTransaction(this.dataSource, async (manager) => {
        await this.availability.insertClosure(manager, closure);
        await this.syncAll(manager, now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ClosureExistsException(request.date);
      throw error;
    }
    return toClosureDto(closure);
  }

  async removeClosure(id: string, now = new Date()): Promise<void> {
    if (!(await this.availability.findClosure(id))) throw new ResourceNotFoundException('Closure');
    await runInTransaction(this.dataSource, async (manager) => {
      await this.availability.deleteClosure(manager, id);
      await this.syncAll(manager, now);
    });
  }

  /**
   * Daily (and at boot): materialises each active advisor's slots over the horizon plus a margin, one advisor
   * per transaction so a long run never holds many locks.
   */
  async extendHorizon(now = new Date()): Promise<SyncSummary> {
    const total: SyncSummary = { created: 0, updated: 0, deleted: 0, withdrawn: 0 };
    for (const advisorId of await this.advisors.listActiveIds()) {
      const summary = await runInTransaction(this.dataSource, (manager) =>
        this.syncAdvisor(manager, advisorId, now),
      );
      for (const key of Object.keys(total) as (keyof SyncSummary)[]) total[key] += summary[key];
    }
    return total;
  }

  async syncAdvisor(manager: EntityManager, advisorId: string, now: Date): Promise<SyncSummary> {
    const from = zonedDate(now, this.config.center.timezone);
    const [rules, exceptions, closures] = await Promise.all([
      this.availability.rulesOf(advisorId, manager),
      this.availability.exceptionsOf(advisorId, from, manager),
      this.availability.closuresFrom(from, manager),
    ]);
    return this.materializer.sync(
      manager,
      advisorId,
      { rules, exceptions, closedDates: new Set(closures.map((closure) => closure.date)) },
      now,
    );
  }

  private async syncAll(manager: EntityManager, now: Date): Promise<void> {
    for (const advisorId of await this.advisors.listActiveIds())
      await this.syncAdvisor(manager, advisorId, now);
  }

  private async managed(user: UserEntity, advisorId: string): Promise<void> {
    assertCanManageAdvisor(user, advisorId);
    if (!(await this.advisors.findById(advisorId))) throw new ResourceNotFoundException('Advisor');
  }
}

/** Each block must fit at least one slot, and blocks on the same weekday must not overlap. */
export function weeklyRuleProblems(rules: readonly WeeklyRuleInputDto[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  rules.forEach((rule, index) => {
    const start = minutesOfDay(rule.startTime);
    const end = minutesOfDay(rule.endTime);
    if (end <= start)
      problems.push({
        field: `rules.${index}.endTime`,
        message: `结束时间须晚于开始时间（第 ${index + 1} 条）`,
      });
    else if (end - start < rule.slotMinutes) {
      problems.push({
        field: `rules.${index}.slotMinutes`,
        message: `时段长度超过了可预约时间（第 ${index + 1} 条）`,
      });
    }
    rules.forEach((other, otherIndex) => {
      if (otherIndex <= index || other.weekday !== rule.weekday) return;
      if (minutesOfDay(other.startTime) < end && start < minutesOfDay(other.endTime)) {
        problems.push({
          field: `rules.${otherIndex}.startTime`,
          message: `第 ${index + 1} 条与第 ${otherIndex + 1} 条在同一天的时间重叠`,
        });
      }
    });
  });
  return problems;
}

function exceptionProblems(request: CreateAvailabilityExceptionDto): ErrorDetail[] {
  if ((request.startTime === null) !== (request.endTime === null)) {
    return [{ field: 'endTime', message: '开始和结束时间须同时填写，或同时留空（全天）' }];
  }
  if (
    request.startTime !== null &&
    request.endTime !== null &&
    minutesOfDay(request.endTime) <= minutesOfDay(request.startTime)
  ) {
    return [{ field: 'endTime', message: '结束时间须晚于开始时间' }];
  }
  return [];
}

function toRuleDto(rule: WeeklyRuleEntity): WeeklyRuleDto {
  return {
    id: rule.id,
    weekday: rule.weekday,
    startTime: rule.startTime,
    endTime: rule.endTime,
    slotMinutes: rule.slotMinutes,
    bufferMinutes: rule.bufferMinutes,
    capacity: rule.capacity,
    mode: rule.mode,
    location: rule.location,
    title: rule.title,
  };
}

function toExceptionDto(exception: AvailabilityExceptionEntity): AvailabilityExceptionDto {
  return {
    id: exception.id,
    date: exception.date,
    kind: exception.kind,
    startTime: exception.startTime,
    endTime: exception.endTime,
    slotMinutes: exception.slotMinutes,
    capacity: exception.capacity,
    mode: exception.mode,
    location: exception.location,
    title: exception.title,
    note: exception.note,
  };
}

function toClosureDto(closure: CenterClosureEntity): ClosureDto {
  return { id: closure.id, date: closure.date, reason: closure.reason };
}
