import type { KatEvent } from '../../src-main/api/types';
import { ApiError } from './errors';
import { Listeners, type ConnectionState, type Transport } from './transport';

const MAX_BACKOFF_MS = 10_000;

/**
 * The headless host: calls as `POST /api/<method>` with a bearer token, events over one WebSocket
 * (`/api/events?token=`) that reconnects with exponential backoff.
 */
export function createHttpTransport(opts: { base: URL; token: string | null }): Transport {
  const events = new Listeners<KatEvent>();
  const connection = new Listeners<ConnectionState>();
  let state: ConnectionState = 'connecting';
  let attempt = 0;
  let socket: WebSocket | null = null;

  const setState = (s: ConnectionState) => {
    if (s === state) return;
    state = s;
    connection.emit(s);
  };

  const connect = () => {
    if (!opts.token) {
      setState('disconnected');
      return;
    }
    const wsUrl = new URL('api/events', opts.base);
    wsUrl.protocol = opts.base.protocol === 'https:' ? 'wss:' : 'ws:';
    wsUrl.searchParams.set('token', opts.token);
    const ws = new WebSocket(wsUrl);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setState('connected');
    };
    ws.onmessage = (m) => {
      try {
        const event = JSON.parse(String(m.data)) as KatEvent;
        if (event && typeof event.topic === 'string') events.emit(event);
      } catch {
        console.warn('ignored a malformed event message');
      }
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      setState('disconnected');
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      attempt += 1;
      window.setTimeout(connect, delay);
    };
  };
  connect();

  return {
    kind: 'http',
    get connection() {
      return state;
    },
    async call(method, params) {
      if (!opts.token) {
        throw new ApiError('NO_TOKEN', 'This page was opened without an access token.');
      }
      let res: Response;
      try {
        res = await fetch(new URL(`api/${method}`, opts.base), {
          method: 'POST',
          headers: { Authorization: `Bearer ${opts.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(params ?? {}),
        });
      } catch {
        throw new ApiError('NETWORK_ERROR', `Could not reach the Kattegat core (${method}).`);
      }
      let body: { result?: unknown; error?: { code: string; message: string; details?: Record<string, unknown> } };
      try {
        body = await res.json();
      } catch {
        throw new ApiError('INTERNAL', `The core answered ${method} with HTTP ${res.status} and no JSON.`);
      }
      if (body.error) throw ApiError.fromPayload(body.error as never);
      if (!res.ok) throw new ApiError('INTERNAL', `The core answered ${method} with HTTP ${res.status}.`);
      return body.result;
    },
    onEvent: (l) => events.add(l),
    onConnection: (l) => connection.add(l),
  };
}
