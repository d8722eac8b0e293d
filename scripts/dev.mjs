#!/usr/bin/env node
// `npm run dev`: the API with `tsx watch` (restarts on save) on :3000 and the Vite dev server on :5173, which
// proxies /api to :3000 (see vite.config.ts). Open http://localhost:5173. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root, webBuildable } from './build.mjs';

const bin = (name) =>
  path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const children = [];
let stopping = false;

function run(name, command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[dev] ${name} exited (${signal ?? code}); stopping the others`);
    stop(code ?? 1);
  });
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  // Give them a moment to shut down cleanly (the server closes its database), then leave.
  const timer = setTimeout(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    process.exit(code);
  }, 5000);
  timer.unref();
  Promise.all(
    children.map((c) =>
      c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)),
    ),
  ).then(() => process.exit(code));
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const port = process.env.PORT ?? '3000';
if (port !== '3000') {
  console.error(
    `[dev] PORT=${port}: the Vite proxy in vite.config.ts targets :3000, so the UI on :5173 will not reach this API`,
  );
}
run('api', bin('tsx'), ['watch', '--clear-screen=false', 'src/server/main.ts'], {
  ...process.env,
  PORT: port,
});
if (webBuildable()) {
  run('web', bin('vite'), ['--config', path.join(root, 'vite.config.ts')]);
  console.error('[dev] API http://localhost:3000 · UI http://localhost:5173');
} else {
  console.error(
    '[dev] web UI not started: vite.config.ts or src/web/index.html does not exist yet (API only on :3000)',
  );
}
