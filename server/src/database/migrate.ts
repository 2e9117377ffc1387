import { runDatabaseScript } from './script-runner';

// `node dist/database/migrate.js` applies pending migrations; `... migrate.js revert` undoes the last one.
runDatabaseScript('migrate', async (dataSource, _config, logger) => {
  if (process.argv[2] === 'revert') {
    // TypeORM logs which migration it reverted, or that there was none.
    await dataSource.undoLastMigration({ transaction: 'each' });
    return;
  }
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  logger.log(
    applied.length > 0 ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'The database is up to date',
  );
});
