import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { createEvents, type EventAttributes } from 'ics';
import {
  ADVISING_TOPICS,
  AppointmentStatus,
  type CounselorCalendarFeedResponse,
  Role,
} from '@careerside/shared';
import { ResourceNotFoundException } from '../../common/errors/common.exceptions';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { CounselorRoute } from '@careerside/shared';
import type { UserEntity } from '../users/user.entity';
import { CounselorCalendarFeedEntity } from './counselor-access.entity';
import { foldIcsLines } from './ical-folding';
import { icsText } from './ical-text';
import { CounselorRepository, type ScheduleRow } from './counselor.repository';
import { NotBoundToAdvisorException } from './counselor.exception';
import { AesGcmCipher, sha256Hex } from '../../common/crypto/aes-gcm-cipher';

const DAY_MS = 86_400_000;
const STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: '已预约',
  attended: '已完成',
  no_show: '爽约',
  cancelled: '已取消',
};

/**
 * An RFC 5545 feed of a counselor's appointments at a secret URL (the token is the credential; rotating it
 * revokes the old URL). Times are UTC (`...Z`), which Apple, Google and Outlook all accept and show in the
 * phone's own zone, so no VTIMEZONE is needed. Cancelled appointments stay in the window as
 * STATUS:CANCELLED with a higher SEQUENCE so subscribed calendars drop them. No private notes, no student
 * note, no contact details: only what the counselor's phone needs to show the slot.
 */
@Injectable()
export class CalendarFeedService {
  private readonly cipher: AesGcmCipher;

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly repository: CounselorRepository,
  ) {
    this.cipher = new AesGcmCipher(config.counselor.notesKey);
  }

  async feed(user: UserEntity, now = new Date()): Promise<CounselorCalendarFeedResponse> {
    if (!user.advisorId) throw new NotBoundToAdvisorException();
    const existing = await this.repository.findFeedOf(user.id);
    if (existing)
      return this.describe(this.cipher.decrypt(existing.tokenCipher, user.id), existing.rotatedAt);
    return this.rotate(user, now);
  }

  /** A new secret URL; the old one answers 404 from now on. */
  async rotate(user: UserEntity, now = new Date()): Promise<CounselorCalendarFeedResponse> {
    if (!user.advisorId) throw new NotBoundToAdvisorException();
    const token = randomBytes(24).toString('base64url');
    await this.repository.saveFeed(
      Object.assign(new CounselorCalendarFeedEntity(), {
        userId: user.id,
        tokenHash: sha256Hex(token),
        tokenCipher: this.cipher.encrypt(token, user.id),
        rotatedAt: now,
      } satisfies CounselorCalendarFeedEntity),
    );
    return this.describe(token, now);
  }

  /** The calendar text for a token, or 404 for an unknown or rotated one. */
  async ics(tokenParam: string, now = new Date()): Promise<string> {
    const token = tokenParam.replace(/\.ics$/i, '');
    const feed = /^[A-Za-z0-9_-]{20,64}$/.test(token)
      ? await this.repository.findFeedByHash(sha256Hex(token))
      : null;
    if (!feed) throw new ResourceNotFoundException('Calendar feed');
    const [owner] = await this.repository.usersByIds([feed.userId]);
    if (!owner || owner.role !== Role.Counselor || !owner.advisorId)
      throw new ResourceNotFoundException('Calendar feed');
    const rows = await this.repository.feedAppointments(
      owner.advisorId,
      new Date(now.getTime() - this.config.counselor.feedPastDays * DAY_MS),
      new Date(now.getTime() + this.config.counselor.feedFutureDays * DAY_MS),
    );
    return this.render(rows, owner);
  }

  render(rows: ScheduleRow[], owner: UserEntity): string {
    const events = rows.map((row) => this.event(row));
    const { error, value } = createEvents(events, {
      productId: '-//careerside//counselor calendar//ZH',
      method: 'PUBLISH',
      calName: icsText(`就业指导预约${owner.name ? ` · ${owner.name}` : ''}`),
    });
    if (error || !value) throw error ?? new Error('ics produced no calendar');
    // ics already asks for hourly refreshes with X-PUBLISHED-TTL (Outlook); Apple reads REFRESH-INTERVAL.
    return foldIcsLines(value).replace(
      'X-PUBLISHED-TTL:PT1H\r\n',
      'X-PUBLISHED-TTL:PT1H\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n',
    );
  }

  private event(row: ScheduleRow): EventAttributes {
    const topic = ADVISING_TOPICS.find((entry) => entry.code === row.topic)?.label['zh-CN'] ?? row.topic;
    const cancelled = row.status === AppointmentStatus.Cancelled;
    const where = row.mode === 'online' ? '线上' : (row.location ?? '');
    return {
      uid: `appointment-${row.id}@careerside`,
      start: row.startsAt.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: row.endsAt.getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: icsText(`${cancelled ? '[已取消] ' : ''}${topic} · ${row.student.name ?? '学生'}`),
      description: icsText(
        [
          `主题：${topic}`,
          `学生：${row.student.name ?? ''}`,
          `状态：${STATUS_LABELS[row.status]}`,
          row.title ? `活动：${row.title}` : null,
        ]
          .filter(Boolean)
          .join('\n'),
      ),
      location: where ? icsText(where) : undefined,
      url: row.meetingUrl ? icsText(row.meetingUrl) : undefined,
      status: cancelled ? 'CANCELLED' : 'CONFIRMED',
      busyStatus: cancelled ? 'FREE' : 'BUSY',
      // A given appointment's time never changes (a reschedule is a new appointment), only its status.
      sequence: cancelled ? 1 : 0,
    };
  }

  private describe(token: string, rotatedAt: Date): CounselorCalendarFeedResponse {
    const path = CounselorRoute.calendarFeedIcs.replace(':token', `${token}.ics`);
    const url = `${this.config.http.publicUrl}/api/${path}`;
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:'), rotatedAt: rotatedAt.toISOString() };
  }
}
