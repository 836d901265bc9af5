import * as electron from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKat } from '../../core/kat';
import { parseHostArgs, scanOptions } from '../common/options';
import { startElectronHost } from './host';
import { ElectronPrinter } from './pdf-printer';

/** Entry of the Electron main process (out/main/index.js): the real Electron API into the host. */
const here = dirname(fileURLToPath(import.meta.url));
const devUrl = !electron.app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

void startElectronHost(electron, {
  createApi: (data) => createKat({ data, host: 'electron', reports: { printer: new ElectronPrinter(electron) }, ...scanOptions(parseHostArgs(process.argv.slice(1)), process.env) }),
  argv: process.argv.slice(1),
  env: process.env,
  platform: process.platform,
  preload: join(here, '..', 'preload', 'index.cjs'),
  source: devUrl ? { kind: 'url', url: devUrl } : { kind: 'file', file: join(here, '..', 'renderer', 'index.html') },
});
