import {
  type BeforeApplicationShutdown,
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { BullMqWorkScheduler } from './bullmq-work-scheduler';
import { InProcessWorkScheduler } from './in-process-work-scheduler';
import { WorkScheduler } from './work-scheduler';

/** Provides WorkScheduler everywhere: BullMQ with REDIS_URL, timers in this process without. */
@Global()
@Module({
  providers: [
    {
      provide: WorkScheduler,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): WorkScheduler =>
        config.redis
          ? new BullMqWorkScheduler({
              redisUrl: config.redis.url,
              prefix: config.redis.prefix,
              timeZone: config.center.timezone,
              runWorker: config.notifications.worker,
              concurrency: 4,
              fanOut: 3,
            })
          : new InProcessWorkScheduler(config.center.timezone, config.notifications.worker),
    },
  ],
  exports: [WorkScheduler],
})
export class SchedulingModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(WorkScheduler) private readonly scheduler: WorkScheduler) {}

  // Everything has registered its work in onModuleInit by now.
  onApplicationBootstrap(): void {
    if (this.scheduler instanceof BullMqWorkScheduler || this.scheduler instanceof InProcessWorkScheduler) {
      this.scheduler.start();
    }
  }

  // Before the database and Redis connections close: running work finishes its writes.
  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduler instanceof BullMqWorkScheduler || this.scheduler instanceof InProcessWorkScheduler) {
      await this.scheduler.stop();
    }
  }
}
