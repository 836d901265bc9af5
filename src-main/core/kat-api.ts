import type { KatEvent } from '../api/types';
import type { CallContext } from '../api/dispatch';

/**
 * What a host needs from the core: call a contract method, subscribe to pushed events, close.
 * Both hosts (Electron IPC, headless HTTP/WebSocket) are thin adapters over this.
 */
export interface KatApi {
  call(method: string, params: unknown, ctx?: CallContext): Promise<unknown>;
  subscribe(listener: (event: KatEvent) => void): () => void;
  close(): Promise<void>;
  readonly dataLocation: string;
}
