#!/usr/bin/env node
// `npm start` (after `electron-vite build`): the Electron window when its runtime is usable here,
// otherwise the same UI from the headless host, which prints the URL to open.
//   node scripts/start.mjs [--headless] [--data-dir DIR] [--port N] [--memory]
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const headless = args.includes('--headless');
const passThrough = args.filter((a) => a !== '--headless');

/** The Electron binary if it is present and really starts, else the reason it cannot be used. */
function findElectron() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { why: 'the electron package is not installed' };
  }
  // Read the path ourselves: require('electron') would try to download the binary on first use.
  const pathFile = join(pkgDir, 'path.txt');
  const distBinary = () => (existsSync(pathFile) ? join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : undefined);
  let bin = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron')
    : distBinary();
  if ((!bin || !existsSync(bin)) && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    // Electron >= 42 fetches its binary on first start; try once, quietly, with a time limit.
    const timeout = Number(process.env.KAT_ELECTRON_DOWNLOAD_TIMEOUT_MS || 180_000);
    spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore', timeout });
    bin = distBinary();
  }
  if (!bin || !existsSync(bin)) return { why: 'binary not downloaded' };
  try {
    accessSync(bin, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
  } catch {
    return { why: `binary not executable: ${bin}` };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { why: 'no display' };
  // It must really run here (libraries, architecture): ask it for its version, as plain Node.
  const probe = spawnSync(bin, ['-e', 'process.stdout.write(process.versions.electron ?? "")'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (probe.status !== 0 || !/^\d+\.\d+/.test(probe.stdout ?? '')) {
    return { why: `binary does not start${probe.error ? `: ${probe.error.message}` : ''}` };
  }
  return { bin };
}

function run(cmd, argv, env = process.env) {
  const child = spawn(cmd, argv, { stdio: 'inherit', env, cwd: root });
  // The terminal sends Ctrl-C to the whole process group; the child closes its core and exits.
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (e) => {
    console.error(`Could not start ${cmd}: ${e.message}`);
    process.exit(1);
  });
}

const found = headless ? { why: '--headless given' } : findElectron();
if (found.bin) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(found.bin, [root, ...passThrough], env);
} else {
  const entry = join(root, 'out', 'main', 'headless.js');
  if (!existsSync(entry)) {
    console.error(`The app is not built (${entry} is missing); run "npm run build" first.`);
    process.exit(1);
  }
  console.log(
    headless
      ? 'Serving the UI headless (--headless).'
      : `Electron runtime not available here (${found.why}); serving the same UI headless.`,
  );
  run(process.execPath, [entry, ...passThrough]);
}
