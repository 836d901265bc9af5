import type { Input, MethodName, Result } from '../../src-main/api/contract';
import type { KatEvent } from '../../src-main/api/types';
import { ApiError } from './errors';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { takeToken } from './token';
import type { ConnectionState, Transport } from './transport';

export { ApiError } from './errors';
export type { ConnectionState } from './transport';

/** The one client of the API contract. Nothing else in the renderer talks to the core. */
export class ApiClient {
  constructor(private readonly transport: Transport) {}

  get kind(): Transport['kind'] {
    return this.transport.kind;
  }
  get connection(): ConnectionState {
    return this.transport.connection;
  }

  async call<M extends MethodName>(method: M, params: Input<M>): Promise<Result<M>> {
    try {
      return (await this.transport.call(method, params)) as Result<M>;
    } catch (e) {
      throw ApiError.from(e);
    }
  }

  onEvent(listener: (event: KatEvent) => void): () => void {
    return this.transport.onEvent(listener);
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    return this.transport.onConnection(listener);
  }
}

function createDefaultClient(): ApiClient {
  if (typeof window !== 'undefined' && window.kat) return new ApiClient(createIpcTransport(window.kat));
  const base = new URL('/', window.location.href);
  return new ApiClient(createHttpTransport({ base, token: takeToken() }));
}

let instance: ApiClient | undefined;
/** The app's client, created on first use (picks IPC when the preload is there). */
export function api(): ApiClient {
  instance ??= createDefaultClient();
  return instance;
}
