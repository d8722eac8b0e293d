#!/usr/bin/env node
// `npx qifu …` / `npm run qifu -- …`: the admin command (src/server/cli.ts).
// Runs the built dist/server/cli.js, rebuilding the server first when src/ changed (the web UI is left alone:
// a CLI command should not wait for Vite). Without a build it runs the TypeScript source through tsx.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './build.mjs';

const builtCli = path.join(root, 'dist/server/cli.js');
const sourceCli = path.join(root, 'src/server/cli.ts');
const log = (m) => process.stderr.write(`${m}\n`);

let cli;
if (fs.existsSync(builtCli)) {
  if (fs.existsSync(sourceCli)) await ensureBuilt({ web: false, log });
  process.setSourceMapsEnabled(true);
  cli = await import(pathToFileURL(builtCli).href);
} else if (fs.existsSync(sourceCli)) {
  const { tsImport } = await import('tsx/esm/api');
  cli = await tsImport(pathToFileURL(sourceCli).href, import.meta.url);
} else {
  log('qifu: neither dist/server/cli.js nor src/server/cli.ts found — run `npm run build` first.');
  process.exit(1);
}
process.exitCode = await cli.runCli(process.argv.slice(2));
