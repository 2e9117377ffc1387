import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { resolveDataSourceOptions } from './data-source';
import { DatabaseStartupService } from './database-startup.service';

@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // Migrations run on every start, before the app accepts requests.
          useFactory: async () => ({
            ...(await resolveDataSourceOptions(config.database)),
            migrationsRun: true,
            retryAttempts: 2,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [DatabaseStartupService],
    };
  }
}
