import { runDatabaseScript } from '../script-runner';
import { createMediaStorage } from '../../modules/media/media-storage.factory';
import { seedDemo } from './demo.seed';

// `node dist/database/seeds/seed.js`: migrates, then adds whatever demo data is missing.
runDatabaseScript('seed', async (dataSource, config, logger) => {
  await dataSource.runMigrations({ transaction: 'each' });
  const summary = await seedDemo(dataSource, new Date(), { mediaStorage: createMediaStorage(config.media) });
  logger.log(`Demo data: created ${summary.created.length}, already present ${summary.existing.length}`);
});
