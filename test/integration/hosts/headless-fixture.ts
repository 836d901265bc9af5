import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { WebSocket } from 'ws';

/** A tiny stand-in for the built renderer, with a secret file beside (not inside) its root. */
export function makeRendererDir(): { root: string; secret: string } {
  const base = mkdtempSync(join(tmpdir(), 'kat-headless-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kattegat</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log("kat")');
  writeFileSync(join(root, 'assets', 'app-1234.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'TOP-SECRET');
  // a link inside the root that points outside it
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'leak.txt'));
  return { root, secret: 'TOP-SECRET' };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: the path is sent exactly as given (no URL normalisation). */
export function rawRequest(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; host?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: opts.host ?? '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

export type WsOutcome = { ws: WebSocket; messages: unknown[]; next(pred?: (m: any) => boolean): Promise<any> } | { status: number; body: string };

/** Opens a WebSocket; resolves with the socket, or with the HTTP status of a refused upgrade. */
export function openSocket(url: string, headers: Record<string, string> = {}): Promise<WsOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    const messages: unknown[] = [];
    const waiters: { pred: (m: any) => boolean; resolve: (m: unknown) => void }[] = [];
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      messages.push(m);
      for (const w of [...waiters]) {
        if (w.pred(m)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    });
    ws.on('open', () =>
      resolve({
        ws,
        messages,
        next: (pred = () => true) =>
          new Promise((res) => {
            const seen = messages.find(pred);
            if (seen) res(seen);
            else waiters.push({ pred, resolve: res });
          }),
      }),
    );
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    ws.on('error', (e) => reject(e));
  });
}
