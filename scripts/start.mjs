#!/usr/bin/env node
// `npm start`: one command, one port, embedded SQLite and demo data on first run (SPEC §3).
// Rebuilds only when src/ is newer than the last build, then runs the built server in this same process, so a
// start on an existing build costs one directory walk plus the server's own start-up.
// Defaults come from src/server/config.ts: PORT 3000, data in ./data, NODE_ENV development (the session cookie's
// Secure flag is for deployments behind HTTPS: set NODE_ENV=production there).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './build.mjs';

try {
  await ensureBuilt({ web: true, tolerateWebFailure: true });
} catch (e) {
  console.error(`Qifu could not be built: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
}
// Stack traces point at src/ rather than the bundle.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(root, 'dist/server/main.js')).href);
