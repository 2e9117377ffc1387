import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { AdvisorEntity } from './advisor.entity';
import { AvailabilityExceptionEntity } from './availability-exception.entity';
import { CenterClosureEntity } from './center-closure.entity';
import { WeeklyRuleEntity } from './weekly-rule.entity';

@Injectable()
export class AdvisorsRepository {
  constructor(
    @InjectRepository(AdvisorEntity) private readonly advisors: Repository<AdvisorEntity>,
    private readonly dataSource: DataSource,
  ) {}

  /** By id, or by the short code a mini-program code scene carries. */
  async findByIdOrCode(idOrCode: string): Promise<AdvisorEntity | null> {
    return (
      (await this.advisors.findOneBy({ id: idOrCode })) ??
      (/^[A-Z0-9]{4,12}$/i.test(idOrCode)
        ? this.advisors.findOneBy({ shortCode: idOrCode.toUpperCase() })
        : null)
    );
  }

  findById(id: string, manager?: EntityManager): Promise<AdvisorEntity | null> {
    return (manager ?? this.dataSource.manager).getRepository(AdvisorEntity).findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<AdvisorEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.advisors.createQueryBuilder('advisor').where('advisor.id IN (:...ids)', { ids }).getMany();
  }

  /** Listed by name; the topic filter is applied in memory (topics are a short JSON list per advisor). */
  async list(options: { includeInactive: boolean }): Promise<AdvisorEntity[]> {
    const query = this.advisors.createQueryBuilder('advisor').orderBy('advisor.name', 'ASC');
    if (!options.includeInactive) query.where('advisor.active = :active', { active: true });
    return query.getMany();
  }

  listActiveIds(): Promise<string[]> {
    return this.advisors
      .createQueryBuilder('advisor')
      .select('advisor.id', 'id')
      .where('advisor.active = :active', { active: true })
      .getRawMany<{ id: string }>()
      .then((rows) => rows.map((row) => row.id));
  }

  async insert(manager: EntityManager, advisor: AdvisorEntity): Promise<void> {
    await manager.getRepository(AdvisorEntity).insert(advisor);
  }

  async update(manager: EntityManager, id: string, changes: Partial<AdvisorEntity>): Promise<void> {
    await manager.getRepository(AdvisorEntity).update({ id }, changes);
  }
}

/** Weekly rules, date exceptions and center closures: what the slot engine turns into slots. */
@Injectable()
export class AvailabilityRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  rulesOf(advisorId: string, manager?: EntityManager): Promise<WeeklyRuleEntity[]> {
    return this.manager(manager)
      .getRepository(WeeklyRuleEntity)
      .find({ where: { advisorId }, order: { weekday: 'ASC', startTime: 'ASC' } });
  }

  async replaceRules(manager: EntityManager, advisorId: string, rules: WeeklyRuleEntity[]): Promise<void> {
    await manager.getRepository(WeeklyRuleEntity).delete({ advisorId });
    if (rules.length > 0) await manager.getRepository(WeeklyRuleEntity).insert(rules);
  }

  exceptionsOf(
    advisorId: string,
    fromDate: string,
    manager?: EntityManager,
  ): Promise<AvailabilityExceptionEntity[]> {
    return this.manager(manager)
      .getRepository(AvailabilityExceptionEntity)
      .createQueryBuilder('exception')
      .where('exception.advisor_id = :advisorId', { advisorId })
      .andWhere('exception.date >= :fromDate', { fromDate })
      .orderBy('exception.date', 'ASC')
      .addOrderBy('exception.start_time', 'ASC')
      .getMany();
  }

  findException(advisorId: string, id: string): Promise<AvailabilityExceptionEntity | null> {
    return this.dataSource.getRepository(AvailabilityExceptionEntity).findOneBy({ advisorId, id });
  }

  async insertException(manager: EntityManager, exception: AvailabilityExceptionEntity): Promise<void> {
    await manager.getRepository(AvailabilityExceptionEntity).insert(exception);
  }

  async deleteException(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(AvailabilityExceptionEntity).delete({ id });
  }

  closuresFrom(fromDate: string, manager?: EntityManager): Promise<CenterClosureEntity[]> {
    return this.manager(manager)
      .getRepository(CenterClosureEntity)
      .createQueryBuilder('closure')
      .where('closure.date >= :fromDate', { fromDate })
      .orderBy('closure.date', 'ASC')
      .getMany();
  }

  findClosure(id: string): Promise<CenterClosureEntity | null> {
    return this.dataSource.getRepository(CenterClosureEntity).findOneBy({ id });
  }

  async insertClosure(manager: EntityManager, closure: CenterClosureEntity): Promise<void> {
    await manager.getRepository(CenterClosureEntity).insert(closure);
  }

  async deleteClosure(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(CenterClosureEntity).delete({ id });
  }
}
