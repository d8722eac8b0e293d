#!/usr/bin/env node
// Build Qifu: the web UI with Vite (dist/web) and the server with esbuild (dist/server/{main,cli}.js).
// `node scripts/build.mjs` builds everything; start.mjs and qifu.mjs import ensureBuilt() to rebuild only when the
// sources are newer than the last build. esbuild and Vite are imported lazily so that check costs a few ms.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-stamp');
const viteConfig = path.join(root, 'vite.config.ts');
const webIndex = path.join(root, 'src/web/index.html');
const serverOutputs = ['main.js', 'cli.js'].map((f) => path.join(dist, 'server', f));

/** Newest modification time (ms) of everything a build reads: src/, vite.config.ts, package-lock.json. */
export function newestSourceMtime() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, 'src'));
  for (const f of [viteConfig, path.join(root, 'package-lock.json')]) {
    if (fs.existsSync(f)) newest = Math.max(newest, fs.statSync(f).mtimeMs);
  }
  return newest;
}

/** The web UI can be built once the web engineer's Vite config and page exist. */
export function webBuildable() {
  return fs.existsSync(viteConfig) && fs.existsSync(webIndex);
}

/**
 * The stamp records, per part, the newest source mtime the part was built from
 * (`{ server: ms, web: ms | null, builtAt }`); a part is stale when a source is newer.
 */
function readStamp() {
  try {
    const s = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    return { server: Number(s.server) || 0, web: s.web == null ? null : Number(s.web) };
  } catch {
    return null;
  }
}

/** Why a rebuild is needed (`web: false` ignores the web UI), or null when the build is current. */
export function staleReason({ web = true } = {}) {
  if (serverOutputs.some((f) => !fs.existsSync(f))) return 'no build yet';
  const stamp = readStamp();
  if (!stamp) return 'no build stamp';
  const newest = newestSourceMtime();
  if (stamp.server < newest) return 'sources changed';
  if (web && webBuildable() && (stamp.web === null || stamp.web < newest)) {
    return stamp.web === null ? 'web UI not built yet' : 'sources changed';
  }
  return null;
}

/**
 * Build the server (always) and the web UI (when `web` and buildable). With `tolerateWebFailure` a broken web
 * build is reported and the API still starts with the previous UI, so a UI typo does not take the API down.
 */
export async function build({ web = true, tolerateWebFailure = false, log = (m) => console.error(m) } = {}) {
  // Read the sources' time before building, so an edit made during the build triggers the next one.
  const newest = newestSourceMtime();
  const started = performance.now();
  const previous = readStamp();

  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { main: 'src/server/main.ts', cli: 'src/server/cli.ts' },
    outdir: 'dist/server',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  log(`server built → dist/server (${Math.round(performance.now() - started)} ms)`);

  let webStamp = previous?.web ?? null;
  if (web) {
    if (!webBuildable()) {
      log(
        `web UI skipped: ${fs.existsSync(viteConfig) ? 'src/web/index.html' : 'vite.config.ts'} does not exist yet — only the API was built`,
      );
    } else {
      const t = performance.now();
      try {
        const vite = await import('vite');
        await vite.build({ configFile: viteConfig, logLevel: 'warn' });
        webStamp = newest;
        log(`web UI built → dist/web (${Math.round(performance.now() - t)} ms)`);
      } catch (e) {
        if (!tolerateWebFailure) throw e;
        log(
          `web UI build FAILED, serving the previous build if any: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }
  }
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(
    stampFile,
    `${JSON.stringify({ server: newest, web: webStamp, builtAt: new Date().toISOString() })}\n`,
  );
}

/** Rebuild when stale; a no-op costing one walk over src/ otherwise. */
export async function ensureBuilt(opts = {}) {
  const reason = staleReason(opts);
  if (!reason) return false;
  (opts.log ?? ((m) => console.error(m)))(`building Qifu (${reason})…`);
  await build(opts);
  return true;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  build({ log: (m) => console.log(m) }).catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  });
}
