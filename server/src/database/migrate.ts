import { runDatabaseScript } from './script-runner';

// `node dist/database/migrate.js` applies pending migrations; `... migrate.js revert` undoes the last one.
runDatabaseScript('migrate', async (dataSource, _config, logger) => {
  if (process.argv[2] === 'revert') {
    await dataSource.undoLastMigration({ transaction: 'each' });
    logger.log('Reverted the last migration');
    return;
  }
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  logger.log(
    applied.length > 0 ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'The database is up to date',
  );
});
