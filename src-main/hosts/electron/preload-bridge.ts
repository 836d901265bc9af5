import type { ContextBridge, IpcRendererEvent } from 'electron/renderer';
import type { ErrorPayload } from '../../common/errors';
import type { KatEvent } from '../../api/types';
import { CALL_CHANNEL, EVENT_CHANNEL, type IpcReply } from './channels';

/** What the renderer finds at `window.kat` inside Electron. */
export interface KatBridge {
  /**
   * Resolves with the main process's answer, `{ ok: true, result }` or `{ ok: false, error }`
   * (errors stay values across the bridge); rejects with `{ code: 'UNKNOWN_METHOD', ... }` only for a
   * method outside the contract, which never reaches IPC.
   */
  call(method: string, params?: unknown): Promise<IpcReply>;
  /** returns the unsubscribe function */
  onEvent(listener: (event: KatEvent) => void): () => void;
  readonly methods: readonly string[];
}

/** The three ipcRenderer methods the bridge uses (Electron's ipcRenderer satisfies this). */
export interface IpcRendererPort {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: any[]) => void): unknown;
  removeListener(channel: string, listener: (...args: any[]) => void): unknown;
}

/**
 * Builds the bridge and exposes it as `window.kat`. A method outside the contract is refused here,
 * before anything reaches IPC. Only plain data crosses: errors are `{ code, message }` objects.
 * Matches src-renderer/api/ipc-transport.ts.
 */
export function exposeKat(
  contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipcRenderer: IpcRendererPort,
  methodNames: readonly string[],
): KatBridge {
  const allowed = new Set(methodNames);
  const methods = Object.freeze([...methodNames]);
  const bridge: KatBridge = Object.freeze({
    async call(method: string, params?: unknown): Promise<IpcReply> {
      if (typeof method !== 'string' || !allowed.has(method)) {
        const error: ErrorPayload = { code: 'UNKNOWN_METHOD', message: `Unknown method "${String(method)}"`, details: { method: String(method) } };
        throw error;
      }
      return (await ipcRenderer.invoke(CALL_CHANNEL, method, params ?? {})) as IpcReply;
    },
    onEvent(listener: (event: KatEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
      const forward = (_e: IpcRendererEvent, event: KatEvent) => listener(event);
      ipcRenderer.on(EVENT_CHANNEL, forward);
      return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    },
    methods,
  });
  contextBridge.exposeInMainWorld('kat', bridge);
  return bridge;
}
