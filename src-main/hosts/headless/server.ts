import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError, toErrorPayload } from '../../common/errors';
import { createLogger, type Logger } from '../../common/logger';
import type { KatApi } from '../../core/kat-api';
import { attachEventSocket, EVENTS_PATH } from './events-socket';
import { sendError, sendJson } from './http-errors';
import { bearerToken, checkOrigin, checkToken, contentSecurityPolicy, generateToken } from './security';
import { serveStatic } from './static-files';

export const MAX_BODY_BYTES = 25 * 1024 * 1024;
const HOST = '127.0.0.1';

export interface HeadlessHostOptions {
  api: KatApi;
  /** 0 (the default) picks a free port */
  port?: number;
  /** the built renderer (out/renderer) */
  rendererDir: string;
  /** default: 32 random bytes, base64url */
  token?: string;
  logger?: Logger;
}

export interface HeadlessHost {
  /** http://127.0.0.1:PORT/?token=... */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The headless host: the built renderer and the API on loopback only. POST /api/<method> with the
 * params as JSON answers `{ result }` or `{ error }`; /api/events is a WebSocket for events (and
 * calls). Every /api/ request needs the token; a foreign Origin or Host is refused everywhere.
 * It does not own the api: closing the host leaves the core open.
 */
export async function startHeadlessHost(opts: HeadlessHostOptions): Promise<HeadlessHost> {
  const token = opts.token ?? generateToken();
  const logger = opts.logger ?? createLogger('headless');
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      logger.error('request failed', { url: req.url?.split('?')[0], error: String(e) });
      if (!res.headersSent) sendError(res, toErrorPayload(e));
      else res.destroy();
    });
  });
  const events = attachEventSocket(server, { api: opts.api, port: () => port, token, maxPayload: MAX_BODY_BYTES, logger });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const common = securityHeaders(port);
    const path = (req.url ?? '/').split('?')[0];
    try {
      checkOrigin(req, port);
    } catch (e) {
      return sendJson(res, 403, { error: toErrorPayload(e) }, common);
    }
    if (path === '/api' || path.startsWith('/api/')) return handleApi(req, res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...common, Allow: 'GET, HEAD' }).end();
      return;
    }
    await serveStatic(opts.rendererDir, req, res, path, common);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    try {
      checkToken(bearerToken(req), token);
      if (path === EVENTS_PATH) throw new AppError('BAD_REQUEST', `${EVENTS_PATH} is a WebSocket; connect with ws://.`);
      if (req.method !== 'POST') throw new AppError('BAD_REQUEST', 'API calls are POST requests with a JSON body.', { httpMethod: req.method });
      const method = decodeMethod(path.slice('/api/'.length));
      const params = await readJsonBody(req);
      const result = await opts.api.call(method, params, { host: 'headless' });
      sendJson(res, 200, { result: result ?? null });
    } catch (e) {
      const error = toErrorPayload(e);
      if (error.code === 'INTERNAL') logger.error('call failed', { path, error: String(e) });
      if (error.code === 'BAD_REQUEST' && error.details?.limit) res.setHeader('Connection', 'close');
      if (error.code === 'UNAUTHORIZED') res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, error, error.details?.limit ? 413 : undefined);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      events.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(port),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/**
 * Reads the body up to MAX_BODY_BYTES; empty means `{}`. Past the limit the rest is drained and
 * discarded, so the client still receives the coded answer instead of a reset connection.
 */
function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (e: AppError) => {
      req.removeAllListeners('data');
      req.removeAllListeners('end');
      req.resume();
      reject(e);
    };
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return fail(tooLarge());
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) fail(tooLarge());
      else chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      if (text === '') return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new AppError('BAD_REQUEST', 'The request body is not valid JSON.'));
      }
    });
  });
}

function decodeMethod(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AppError('BAD_REQUEST', 'The method name in the URL is not valid.');
  }
}

function tooLarge(): AppError {
  return new AppError('BAD_REQUEST', `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`, { limit: MAX_BODY_BYTES });
}
