import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationKind } from '@careerside/shared';
import { addDays, startOfZonedDay, wallTime, zonedDate } from '../../common/time/zoned-time';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { runInTransaction } from '../../database/transactions';
import { NotificationsService } from '../notifications/notifications.service';
import { WorkScheduler } from '../scheduling/work-scheduler';
import { COUNSELOR_PAGES } from './counselor-pages';
import { CounselorRepository } from './counselor.repository';

export const AGENDA_WORK = 'counselor.morning-agenda';

/**
 * At COUNSELOR_AGENDA_AT (07:30 center time) every counselor with appointments that day gets an inbox entry
 * and a subscribe message through the notifications pipeline. The dedupe key names the counselor and the
 * day, so a second run (another process, a retry, a restart) sends nothing twice.
 */
@Injectable()
export class CounselorAgenda implements OnModuleInit {
  private readonly logger = new Logger('CounselorAgenda');

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly repository: CounselorRepository,
    private readonly notifications: NotificationsService,
    private readonly scheduler: WorkScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: AGENDA_WORK,
      dailyAt: this.config.counselor.agendaAt,
      run: async () => {
        const summary = await this.send();
        if (summary.notified > 0) this.logger.log(summary, 'Morning agendas sent');
      },
    });
  }

  async send(now = new Date()): Promise<{ date: string; counselors: number; notified: number }> {
    const timeZone = this.config.center.timezone;
    const date = zonedDate(now, timeZone);
    const dayStart = startOfZonedDay(date, timeZone);
    const agendas = await this.repository.agendas(dayStart, startOfZonedDay(addDays(date, 1), timeZone));
    let notified = 0;
    for (const agenda of agendas) {
      const first = wallTime(agenda.firstStartsAt, timeZone);
      const firstAt = `${String(first.hour).padStart(2, '0')}:${String(first.minute).padStart(2, '0')}`;
      const { created } = await runInTransaction(this.dataSource, (manager) =>
        this.notifications.notify(manager, {
          userId: agenda.userId,
          kind: NotificationKind.CounselorAgenda,
          title: '今日日程',
          body: `今日 ${agenda.count} 个预约，首个 ${firstAt}`,
          page: COUNSELOR_PAGES.today(date),
          dedupeKey: `counselor-agenda:${date}`,
          payload: { date, count: agenda.count },
          wechat: { date: dayStart, count: agenda.count, firstStartsAt: agenda.firstStartsAt },
          // 07:30 is inside the default quiet hours (22:00-08:00), which would hold the push until 08:00; the
          // counselor asked for it at this time, so it goes at once (the agenda kind is not capped either).
          urgent: true,
        }),
      );
      if (created) notified += 1;
    }
    return { date, counselors: agendas.length, notified };
  }
}
