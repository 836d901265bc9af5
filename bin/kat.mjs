#!/usr/bin/env node
// The `kat` command line. Subcommands:
//   kat serve [--data-dir DIR | --memory] [--port N]   the headless host: UI + API on 127.0.0.1
//   kat report --org ORG --type TYPE (--objects PK,PK | --all) [--as-of ISO] --pdf FILE [--json FILE]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `Usage: kat <command> [options]

Commands:
  serve [--data-dir DIR | --memory] [--port N]   serve the UI and API on 127.0.0.1 and print the URL
  report --org ORG --type TYPE (--objects PK,PK | --all) [--as-of ISO] [--data-dir DIR] --pdf FILE [--json FILE]
                                                 make a report and write it as PDF and/or JSON (kat report --help)
  help                                           this text`;

const [command, ...rest] = process.argv.slice(2);

function run(name, argv) {
  const entry = join(root, 'out', 'main', `${name}.js`);
  if (!existsSync(entry)) {
    console.error(`kat: the app is not built (${entry} is missing); run "npm run build" first.`);
    process.exit(1);
  }
  const child = spawn(process.execPath, [entry, ...argv], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

switch (command) {
  case 'serve':
    run('headless', rest);
    break;
  case 'report':
    run('report', rest);
    break;
  case undefined:
  case 'help':
  case '--help':
  case '-h':
    console.log(USAGE);
    break;
  default:
    console.error(`kat: unknown command "${command}"\n\n${USAGE}`);
    process.exit(2);
}
