import type { ErrorPayload } from '../../src-main/common/errors';
import type { KatEvent } from '../../src-main/api/types';
import { ApiError } from './errors';
import type { ConnectionState, Transport } from './transport';

/** What the Electron preload exposes (contextBridge). */
export interface KatBridge {
  call(method: string, params: unknown): Promise<{ ok: true; result: unknown } | { ok: false; error: ErrorPayload }>;
  onEvent(listener: (event: KatEvent) => void): () => void;
}

declare global {
  interface Window {
    kat?: KatBridge;
  }
}

export function createIpcTransport(bridge: KatBridge): Transport {
  return {
    kind: 'ipc',
    connection: 'connected' as ConnectionState,
    async call(method, params) {
      const answer = await bridge.call(method, params);
      if (answer.ok) return answer.result;
      throw ApiError.fromPayload(answer.error);
    },
    onEvent: (listener) => bridge.onEvent(listener),
    onConnection: () => () => undefined,
  };
}
