import type { KatEvent } from '../../src-main/api/types';

export type ConnectionState = 'connected' | 'connecting' | 'disconnected';

/** How the client reaches the core: Electron IPC (preload) or the headless host (HTTP + WebSocket). */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  /** Resolves with the method's result; rejects with an ApiError. */
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: KatEvent) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  readonly connection: ConnectionState;
}

/** A tiny typed listener set. */
export class Listeners<T> {
  private readonly set = new Set<(value: T) => void>();
  add(fn: (value: T) => void): () => void {
    this.set.add(fn);
    return () => this.set.delete(fn);
  }
  emit(value: T): void {
    for (const fn of [...this.set]) {
      try {
        fn(value);
      } catch (e) {
        console.error('listener failed', e);
      }
    }
  }
}
