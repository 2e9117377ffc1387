import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { ConfigValidationError } from './config/load-config';

async function main(): Promise<void> {
  const app = await createApp();
  app.enableShutdownHooks();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.http.port, config.http.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  new Logger('Bootstrap').log(
    `careerside ${config.version} (${config.nodeEnv}, ${config.database.type}) listening on ${config.http.host}:${port}; ` +
      `open ${config.http.publicUrl} (API docs at ${config.http.publicUrl}/api/docs)`,
  );
}

main().catch((error: unknown) => {
  // A bad environment is a message for the operator, not a stack trace.
  console.error(error instanceof ConfigValidationError ? error.message : error);
  process.exit(1);
});
