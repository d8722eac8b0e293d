import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { migrateToLatest, openDatabase } from '../../src/server/db/database';
import { announceListening, LOOPBACK } from '../support';

/**
 * The real Qifu app for the throughput benchmark, run as a child process: configuration from the environment the
 * parent prepared (temporary QIFU_DATA_DIR, raised rate limit, LOG_LEVEL), a migrated SQLite file, a free
 * loopback port.
 */
const config = loadConfig();
// Always the embedded SQLite file: the benchmark must not depend on a PostgreSQL server.
const database = openDatabase({ sqliteFile: config.sqliteFile });
await migrateToLatest(database);
const app = await buildApp({ config, database });
await app.listen({ port: 0, host: LOOPBACK });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('app is not listening on a TCP port');
announceListening(address.port, async () => {
  await app.close();
  await database.close();
});
