import { AppError, toErrorPayload } from '../../common/errors';
import type { Logger } from '../../common/logger';
import type { KatApi } from '../../core/kat-api';
import { isMethodName } from '../../api/methods';
import { CALL_CHANNEL, EVENT_CHANNEL, type IpcReply } from './channels';
import type { ElectronApi } from './electron-api';

export interface IpcOptions {
  api: KatApi;
  /** true when the calling frame is our renderer */
  isTrustedSender: (frameUrl: string | undefined) => boolean;
  logger: Logger;
}

/**
 * Registers the one call channel and forwards core events to every window. Returns a function
 * that undoes both.
 */
export function registerIpc(electron: Pick<ElectronApi, 'ipcMain' | 'BrowserWindow'>, opts: IpcOptions): () => void {
  electron.ipcMain.handle(CALL_CHANNEL, (event, method: unknown, params: unknown) =>
    handleCall(opts, event.senderFrame?.url, method, params),
  );
  const unsubscribe = opts.api.subscribe((event) => {
    for (const win of electron.BrowserWindow.getAllWindows()) {
      if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
    }
  });
  return () => {
    electron.ipcMain.removeHandler(CALL_CHANNEL);
    unsubscribe();
  };
}

export async function handleCall(opts: IpcOptions, senderUrl: string | undefined, method: unknown, params: unknown): Promise<IpcReply> {
  try {
    if (!opts.isTrustedSender(senderUrl)) throw new AppError('FORBIDDEN_ORIGIN', 'Calls are accepted only from the Kattegat window.');
    if (!isMethodName(method)) throw new AppError('UNKNOWN_METHOD', `Unknown method "${String(method)}"`, { method: String(method) });
    return { ok: true, result: await opts.api.call(method, params ?? {}, { host: 'electron' }) };
  } catch (e) {
    const error = toErrorPayload(e);
    if (error.code === 'INTERNAL') opts.logger.error('call failed', { method: String(method), error: String(e) });
    return { ok: false, error };
  }
}
