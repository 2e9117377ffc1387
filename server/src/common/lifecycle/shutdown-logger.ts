import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';

/** Says when a shutdown starts: Fastify stops accepting requests, then the database and Redis close. */
@Injectable()
export class ShutdownLogger implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');

  beforeApplicationShutdown(signal?: string): void {
    this.logger.log(`Shutting down${signal ? ` on ${signal}` : ''}: closing connections`);
  }
}
