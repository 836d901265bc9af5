import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { AppError, toErrorPayload, type ErrorPayload } from '../../common/errors';
import type { Logger } from '../../common/logger';
import type { KatApi } from '../../core/kat-api';
import { statusFor } from './http-errors';
import { bearerToken, checkOrigin, checkToken } from './security';

export const EVENTS_PATH = '/api/events';

/** A client that does not read its events is dropped rather than buffering without end. */
const MAX_BUFFERED = 64 * 1024 * 1024;

export interface EventSocketOptions {
  api: KatApi;
  port: () => number;
  token: string;
  maxPayload: number;
  logger: Logger;
}

/**
 * The WebSocket at /api/events: pushes every KatEvent as JSON, and answers calls
 * `{ id, method, params }` with `{ id, result }` or `{ id, error }` so the renderer can use one
 * connection. Events carry `topic`, answers carry `id`. Authorised at the upgrade, like HTTP.
 */
export function attachEventSocket(server: Server, opts: EventSocketOptions): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayload });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (url.pathname !== EVENTS_PATH) throw new AppError('NOT_FOUND', `No WebSocket at ${url.pathname}`);
      checkOrigin(req, opts.port());
      checkToken(url.searchParams.get('token') ?? bearerToken(req), opts.token);
    } catch (e) {
      refuseUpgrade(socket, toErrorPayload(e));
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, opts));
  });

  return {
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

function refuseUpgrade(socket: Duplex, error: ErrorPayload): void {
  const status = statusFor(error.code);
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${error.code}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function onConnection(ws: WebSocket, opts: EventSocketOptions): void {
  const send = (msg: unknown) => {
    if (ws.readyState !== WebSocket.OPEN) return;
    if (ws.bufferedAmount > MAX_BUFFERED) {
      opts.logger.warn('dropping a WebSocket client that does not keep up with events');
      ws.terminate();
      return;
    }
    ws.send(JSON.stringify(msg));
  };
  const unsubscribe = opts.api.subscribe((event) => send(event));
  ws.on('close', unsubscribe);
  ws.on('error', () => ws.terminate());
  ws.on('message', (data: RawData, isBinary: boolean) => {
    void answer(data, isBinary, opts).then(send);
  });
}

async function answer(data: RawData, isBinary: boolean, opts: EventSocketOptions): Promise<unknown> {
  let msg: unknown;
  try {
    msg = isBinary ? undefined : JSON.parse(data.toString());
  } catch {
    msg = undefined;
  }
  const call = msg as { id?: unknown; method?: unknown; params?: unknown } | undefined;
  const id = call && (typeof call.id === 'string' || typeof call.id === 'number') ? call.id : null;
  if (!call || typeof call !== 'object' || id === null || typeof call.method !== 'string') {
    return { id, error: { code: 'BAD_REQUEST', message: 'Expected a JSON message { id, method, params }.' } };
  }
  try {
    return { id, result: await opts.api.call(call.method, call.params ?? {}, { host: 'headless' }) };
  } catch (e) {
    const error = toErrorPayload(e);
    if (error.code === 'INTERNAL') opts.logger.error('call failed', { method: call.method, error: String(e) });
    return { id, error };
  }
}
