import { ConsoleLogger, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ConfigValidationError, loadConfig } from '../config/load-config';
import { createDataSource } from './data-source';

/** Runs a database command line script: validated config, JSON logs, a connection closed at the end. */
export function runDatabaseScript(
  name: string,
  task: (dataSource: DataSource, config: AppConfig, logger: Logger) => Promise<void>,
): void {
  const logger = new Logger(name);
  const run = async () => {
    const { config } = loadConfig();
    Logger.overrideLogger(new ConsoleLogger({ json: true, logLevels: ['log', 'warn', 'error', 'fatal'] }));
    const dataSource = await createDataSource(config.database);
    await dataSource.initialize();
    try {
      await task(dataSource, config, logger);
    } finally {
      await dataSource.destroy();
    }
  };
  run().catch((error: unknown) => {
    if (error instanceof ConfigValidationError) console.error(error.message);
    else logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
