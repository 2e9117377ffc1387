import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { loggerParams } from './bootstrap/logging';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { ShutdownLogger } from './common/lifecycle/shutdown-logger';
import { createValidationPipe } from './common/pipes/validation.pipe';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AdvisorsModule } from './modules/advisors/advisors.module';
import { AppointmentsModule } from './modules/appointments/appointments.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { JobAlertsModule } from './modules/job-alerts/job-alerts.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { CounselorModule } from './modules/counselor/counselor.module';
import { MeModule } from './modules/me/me.module';
import { MetaModule } from './modules/meta/meta.module';
import { MediaModule } from './modules/media/media.module';
import { MuseumModule } from './modules/museum/museum.module';
import { ReflectionModule } from './modules/reflection/reflection.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { QrCodesModule } from './modules/qr-codes/qr-codes.module';
import { RedisModule } from './modules/redis/redis.module';
import { SchedulingModule } from './modules/scheduling/scheduling.module';
import { UsersModule } from './modules/users/users.module';

export interface AppModuleOptions {
  /** Where JSON logs go; stdout by default. */
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config, options.logDestination)),
        DatabaseModule.forRoot(config),
        RedisModule,
        SchedulingModule,
        NotificationsModule,
        AuthModule,
        UsersModule,
        MeModule,
        HealthModule,
        MetaModule,
        MediaModule,
        MuseumModule,
        ReflectionModule,
        AdvisorsModule,
        AppointmentsModule,
        QrCodesModule,
        JobsModule,
        JobAlertsModule,
        CounselorModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        ShutdownLogger,
      ],
    };
  }
}
