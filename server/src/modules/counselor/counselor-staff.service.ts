import { randomInt, randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import {
  type Collection,
  type CounselorInviteResponse,
  type CounselorStatsResponse,
  type CounselorSupervisorDto,
  type CreateCounselorSupervisorRequest,
  ErrorCode,
  Role,
  type UserDto,
} from '@careerside/shared';
import { RequestValidationException, ResourceNotFoundException } from '../../common/errors/common.exceptions';
import { DomainException } from '../../common/errors/domain.exception';
import { addDays, startOfZonedDay } from '../../common/time/zoned-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { isUniqueViolation } from '../../database/database-errors';
import { runInTransaction } from '../../database/transactions';
import { AdvisorsRepository } from '../advisors/advisors.repository';
import { isoInZone } from '../slots/slot-time';
import type { UserEntity } from '../users/user.entity';
import { toUserDto } from '../users/user.mapper';
import { CounselorInviteEntity, CounselorSupervisorEntity } from './counselor-access.entity';
import { CounselorRepository } from './counselor.repository';
import { InviteInvalidException } from './counselor.exception';
import { validDate } from './counselor.service';
import { sha256Hex } from '../../common/crypto/aes-gcm-cipher';

// No 0/O or 1/I/L: the code is read aloud and typed on a phone.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
// 31^10 (about 2^49) codes: guessing a live one before it expires is out of reach, with or without a rate limit.
const CODE_LENGTH = 10;
export const INVITE_PAGE = 'subpackages/counselor/pages/join/index';
const MAX_STATS_DAYS = 366;

/** What staff do for counselors: invites, supervisor designations, and per-counselor figures. */
@Injectable()
export class CounselorStaffService {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly repository: CounselorRepository,
    private readonly advisors: AdvisorsRepository,
  ) {}

  async createInvite(
    staff: UserEntity,
    advisorId: string,
    now = new Date(),
  ): Promise<CounselorInviteResponse> {
    const advisor = await this.advisors.findById(advisorId);
    if (!advisor) throw new ResourceNotFoundException('Advisor');
    const code = Array.from(
      { length: CODE_LENGTH },
      () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
    ).join('');
    const invite = Object.assign(new CounselorInviteEntity(), {
      id: randomUUID(),
      codeHash: sha256Hex(code),
      advisorId,
      createdBy: staff.id,
      expiresAt: new Date(now.getTime() + this.config.counselor.inviteTtlHours * 3_600_000),
      usedBy: null,
      usedAt: null,
      createdAt: now,
      updatedAt: now,
    } satisfies CounselorInviteEntity);
    await this.repository.insertInvite(invite);
    const path = `${INVITE_PAGE}?code=${code}`;
    // Like the advisors' door codes: a link under PUBLIC_URL that the H5 app serves and the mini-program opens
    // (WeChat's "scan ordinary QR codes to open the mini-program" rule for that prefix).
    const url = `${this.config.http.publicUrl}/${path}`;
    return {
      id: invite.id,
      advisorId,
      advisorName: advisor.name,
      code,
      path,
      url,
      qrDataUrl: await QRCode.toDataURL(url, { margin: 1, width: 240 }),
      expiresAt: isoInZone(invite.expiresAt, this.config.center.timezone),
    };
  }

  /** Binds the signed-in account to the invite's advisor profile as a counselor; the code works once. */
  async acceptInvite(user: UserEntity, rawCode: string, now = new Date()): Promise<UserDto> {
    if (user.role === Role.Admin) {
      throw new DomainException(
        ErrorCode.Forbidden,
        HttpStatus.FORBIDDEN,
        'Staff accounts cannot redeem a counselor invite',
      );
    }
    const code = rawCode.trim().toUpperCase();
    await runInTransaction(this.dataSource, async (manager) => {
      const invite = await this.repository.findInviteByHash(manager, sha256Hex(code));
      if (!invite || invite.usedAt !== null || invite.expiresAt <= now) throw new InviteInvalidException();
      if (!(await this.repository.redeemInvite(manager, invite.id, user.id, now)))
        throw new InviteInvalidException();
      await this.repository.bindCounselor(manager, user.id, invite.advisorId, now);
    });
    const [fresh] = await this.repository.usersByIds([user.id]);
    return toUserDto(fresh);
  }

  async supervisors(): Promise<Collection<CounselorSupervisorDto>> {
    const rows = await this.repository.supervisors();
    const names = new Map(
      (await this.repository.usersByIds(rows.flatMap((row) => [row.supervisorId, row.counselorId]))).map(
        (user) => [user.id, user.name],
      ),
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        supervisor: { id: row.supervisorId, name: names.get(row.supervisorId) ?? null },
        counselor: { id: row.counselorId, name: names.get(row.counselorId) ?? null },
        createdAt: isoInZone(row.createdAt, this.config.center.timezone),
      })),
    };
  }

  async designate(
    request: CreateCounselorSupervisorRequest,
    now = new Date(),
  ): Promise<CounselorSupervisorDto> {
    if (request.supervisorId === request.counselorId) {
      throw new RequestValidationException([
        { field: 'supervisorId', message: 'A counselor already reads their own notes' },
      ]);
    }
    const users = new Map(
      (await this.repository.usersByIds([request.supervisorId, request.counselorId])).map((u) => [u.id, u]),
    );
    for (const field of ['supervisorId', 'counselorId'] as const) {
      if (users.get(request[field])?.role !== Role.Counselor) {
        throw new RequestValidationException([{ field, message: `${field} must name a counselor account` }]);
      }
    }
    const row = Object.assign(new CounselorSupervisorEntity(), {
      id: randomUUID(),
      supervisorId: request.supervisorId,
      counselorId: request.counselorId,
      createdAt: now,
      updatedAt: now,
    } satisfies CounselorSupervisorEntity);
    try {
      await this.repository.insertSupervisor(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainException(
          ErrorCode.Conflict,
          HttpStatus.CONFLICT,
          'This supervisor is already designated',
        );
      }
      throw error;
    }
    return {
      id: row.id,
      supervisor: { id: row.supervisorId, name: users.get(row.supervisorId)?.name ?? null },
      counselor: { id: row.counselorId, name: users.get(row.counselorId)?.name ?? null },
      createdAt: isoInZone(now, this.config.center.timezone),
    };
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.repository.findSupervisor(id)))
      throw new ResourceNotFoundException('Supervisor designation');
    await this.repository.deleteSupervisor(id);
  }

  /** Per advisor profile over [from, to] (center dates, inclusive). */
  async stats(fromDate: string, toDate: string): Promise<CounselorStatsResponse> {
    const from = validDate(fromDate, 'from');
    const to = validDate(toDate, 'to');
    if (to < from)
      throw new RequestValidationException([{ field: 'to', message: 'to must not be before from' }]);
    if (addDays(from, MAX_STATS_DAYS) <= to) {
      throw new RequestValidationException([
        { field: 'to', message: `at most ${MAX_STATS_DAYS} days at once` },
      ]);
    }
    const timeZone = this.config.center.timezone;
    const rows = await this.repository.stats(
      startOfZonedDay(from, timeZone),
      startOfZonedDay(addDays(to, 1), timeZone),
    );
    const counselors = await this.repository.counselorsOfAdvisors(rows.map((row) => row.advisorId));
    const ratio = (part: number, whole: number) =>
      whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
    return {
      from,
      to,
      items: rows.map((row) => ({
        advisorId: row.advisorId,
        advisorName: row.advisorName,
        counselorNames: counselors
          .filter((user) => user.advisorId === row.advisorId)
          .map((user) => user.name ?? user.id),
        offeredSeats: row.offeredSeats,
        bookedSeats: row.bookedSeats,
        utilisation: ratio(row.bookedSeats, row.offeredSeats),
        attended: row.attended,
        noShows: row.noShows,
        noShowRate: ratio(row.noShows, row.attended + row.noShows),
        averageRating: row.ratings === 0 ? null : Math.round((row.ratingSum / row.ratings) * 100) / 100,
        ratings: row.ratings,
      })),
    };
  }
}
