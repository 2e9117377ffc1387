import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/inject-config.decorator';
import { UserEntity } from '../modules/users/user.entity';
import { createMediaStorage } from '../modules/media/media-storage.factory';
import { seedDemo } from './seeds/demo.seed';

/** After TypeORM has connected and migrated: sanity checks and the demo seed. */
@Injectable()
export class DatabaseStartupService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.warnUnlessUtf8mb4();
    if (this.config.seedDemo && (await this.dataSource.getRepository(UserEntity).count()) === 0) {
      const summary = await seedDemo(this.dataSource, new Date(), {
        mediaStorage: createMediaStorage(this.config.media),
      });
      this.logger.log(`Seeded demo data into an empty database: ${summary.created.join(', ')}`);
    }
  }

  private async warnUnlessUtf8mb4(): Promise<void> {
    if (this.config.database.type !== 'mysql') return;
    const rows: { charset: string }[] = await this.dataSource.query(
      'SELECT @@character_set_database AS charset',
    );
    const charset = rows[0]?.charset;
    if (charset !== 'utf8mb4') {
      this.logger.warn(
        `Database ${this.config.database.database} uses character set ${charset}; create it with CHARACTER SET utf8mb4 so Chinese text and emoji are stored intact`,
      );
    }
  }
}
