import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ErrorCode, type HealthResponse } from '@careerside/shared';
import type { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { DomainException } from '../../common/errors/domain.exception';
import { RedisService } from '../redis/redis.service';

export class DatabaseUnavailableException extends DomainException {
  constructor(cause: unknown) {
    super(ErrorCode.ServiceUnavailable, HttpStatus.SERVICE_UNAVAILABLE, 'The database is not answering', [
      { field: 'database', message: cause instanceof Error ? cause.message : 'no answer' },
    ]);
  }
}

const DATABASE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** 200 while the database answers (Redis down only degrades it); 503 when the database does not. */
  async check(): Promise<HealthResponse> {
    const [latencyMs, redisStatus] = await Promise.all([this.pingDatabase(), this.redis.ping()]);
    return {
      status: redisStatus === 'down' ? 'degraded' : 'ok',
      database: { status: 'ok', type: this.config.database.type, latencyMs },
      redis: { status: redisStatus },
      version: this.config.version,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }

  private async pingDatabase(): Promise<number> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      if (!this.dataSource.isInitialized) throw new Error('the connection is closed');
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${DATABASE_TIMEOUT_MS} ms`)),
            DATABASE_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      throw new DatabaseUnavailableException(error);
    } finally {
      clearTimeout(timer);
    }
    return Math.round((performance.now() - started) * 10) / 10;
  }
}
