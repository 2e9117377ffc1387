import { randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AdvisorDto, AdvisorListResponse } from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { isUniqueViolation } from '../../database/database-errors';
import { runInTransaction } from '../../database/transactions';
import { SlotsRepository } from '../slots/slots.repository';
import { SlotsService } from '../slots/slots.service';
import type { UserEntity } from '../users/user.entity';
import { AdvisorEntity } from './advisor.entity';
import { assertCanManageAdvisor, isStaff } from './advisor-access';
import { toAdvisorDto } from './advisor.mapper';
import { AdvisorExistsException } from './advisors.exception';
import { AdvisorsRepository } from './advisors.repository';
import type { CreateAdvisorDto, ListAdvisorsQueryDto, UpdateAdvisorDto } from './dto/advisor.dto';
import { startOfZonedDay, addDays } from '../../common/time/zoned-time';

// No 0/O or 1/I/L: a short code may be read aloud or typed from a poster.
const SHORT_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newShortCode(): string {
  return Array.from({ length: 6 }, () => SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)]).join('');
}

@Injectable()
export class AdvisorsService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly advisors: AdvisorsRepository,
    private readonly slots: SlotsRepository,
    private readonly slotsService: SlotsService,
  ) {}

  /** Active advisors (staff may ask for inactive ones too), optionally by topic, with their next free time. */
  async list(user: UserEntity, query: ListAdvisorsQueryDto, now = new Date()): Promise<AdvisorListResponse> {
    const advisors = (
      await this.advisors.list({ includeInactive: Boolean(query.includeInactive) && isStaff(user) })
    ).filter((advisor) => !query.topic || advisor.topics.includes(query.topic));
    const next = await this.slots.nextAvailable(
      advisors.map((advisor) => advisor.id),
      this.slotsService.bookableFrom(now),
      startOfZonedDay(addDays(this.slotsService.horizonEnd(now), 1), this.config.center.timezone),
    );
    return { items: advisors.map((advisor) => this.toDto(advisor, next.get(advisor.id) ?? null)) };
  }

  async get(user: UserEntity, idOrCode: string, now = new Date()): Promise<AdvisorDto> {
    const advisor = await this.visible(user, idOrCode);
    const next = await this.slots.nextAvailable(
      [advisor.id],
      this.slotsService.bookableFrom(now),
      startOfZonedDay(addDays(this.slotsService.horizonEnd(now), 1), this.config.center.timezone),
    );
    return this.toDto(advisor, next.get(advisor.id) ?? null);
  }

  /** An advisor a student may see (inactive ones are 404 to students), by id or short code. */
  async visible(user: UserEntity, idOrCode: string): Promise<AdvisorEntity> {
    const advisor = await this.advisors.findByIdOrCode(idOrCode);
    if (!advisor || (!advisor.active && !isStaff(user))) throw new ResourceNotFoundException('Advisor');
    return advisor;
  }

  async create(request: CreateAdvisorDto, now = new Date()): Promise<AdvisorDto> {
    for (let attempt = 0; ; attempt += 1) {
      const advisor = Object.assign(new AdvisorEntity(), {
        id: request.id ?? randomUUID(),
        shortCode: newShortCode(),
        name: request.name,
        title: request.title,
        photoUrl: request.photoUrl ?? null,
        bio: request.bio ?? '',
        topics: request.topics,
        location: request.location,
        modes: request.modes,
        meetingUrl: request.meetingUrl ?? null,
        phone: request.phone ?? null,
        active: request.active ?? true,
        createdAt: now,
        updatedAt: now,
      } satisfies AdvisorEntity);
      try {
        await runInTransaction(this.dataSource, (manager) => this.advisors.insert(manager, advisor));
        return this.toDto(advisor, null);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (request.id && (await this.advisors.findById(request.id)))
          throw new AdvisorExistsException(request.id);
        // A short code collision: roll again.
        if (attempt >= 5) throw error;
      }
    }
  }

  async update(user: UserEntity, id: string, changes: UpdateAdvisorDto): Promise<AdvisorDto> {
    const advisor = await this.advisors.findById(id);
    if (!advisor) throw new ResourceNotFoundException('Advisor');
    assertCanManageAdvisor(user, advisor.id);
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    await runInTransaction(this.dataSource, (manager) => this.advisors.update(manager, id, defined));
    this.slotsService.forgetListings();
    return this.get(user, id);
  }

  private toDto(advisor: AdvisorEntity, nextAvailableAt: Date | null): AdvisorDto {
    return toAdvisorDto(advisor, {
      publicUrl: this.config.http.publicUrl,
      timeZone: this.config.center.timezone,
      nextAvailableAt,
    });
  }
}
