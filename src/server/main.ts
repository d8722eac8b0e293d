import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { migrateToLatest, openDatabase } from './db/database';
import { seedDemoIfEmpty } from './db/seed';
import { buildingSnapshot } from './modules/buildings';
import { warmUpSegmenter } from './platform/text/segment';

/** Process entry: config → database → migrate → (demo data on first start) → app → listen; graceful shutdown. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrateToLatest(database);
  const app = await buildApp({ config, database });
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(database, app.log);
    if (seeded) app.log.info(seeded, 'demo data created');
  }
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: database.description }, `Qifu listening on http://localhost:${config.port}`);
  // Load the Chinese segmenter's dictionary once the server answers, not before: it takes about 0.4 s and the
  // first search should not pay for it. Then the building search snapshot (about 1 s for 5,000 buildings; it
  // yields to requests while it tokenises).
  setTimeout(() => {
    warmUpSegmenter();
    buildingSnapshot(database.db)
      .sync()
      .catch((err: unknown) =>
        app.log.warn({ err }, 'building search snapshot not loaded; the first search will'),
      );
  }, 1000).unref();
}

main().catch((err) => {
  process.stderr.write(
    `Qifu failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
