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
import { MeModule } from './modules/me/me.module';
import { MetaModule } from './modules/meta/meta.module';
import { RedisModule } from './modules/redis/redis.module';
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
        AuthModule,
        UsersModule,
        MeModule,
        HealthModule,
        MetaModule,
        AdvisorsModule,
        AppointmentsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        ShutdownLogger,
      ],
    };
  }
}
