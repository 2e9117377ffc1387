import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerContract } from 'typeorm';

const queryCounters = new AsyncLocalStorage<{ queries: number }>();

/**
 * Runs `work` and counts the SQL statements it sends (TypeORM reports every statement to the logger). Lets a
 * read path prove its query budget in tests and benchmarks without timing anything.
 */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const counter = { queries: 0 };
  const result = await queryCounters.run(counter, work);
  return { result, queries: counter.queries };
}

/** Sends TypeORM's messages through the application logger (pino, as JSON) instead of the console. */
export class TypeOrmLogger implements TypeOrmLoggerContract {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(query: string): void {
    const counter = queryCounters.getStore();
    if (counter) counter.queries += 1;
    this.logger.debug({ query }, 'query');
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn({ query, error: error instanceof Error ? error.message : error }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ query, durationMs: time }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    // TypeORM reports migration progress here ("Migration X has been executed successfully").
    if (/migration/i.test(message)) this.logger.log(message);
    else this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(message);
    else this.logger.log(message);
  }
}
