/**
 * Local HTTP and HTTPS servers for scanner tests, on 127.0.0.1 only with a random free port.
 * `testSite` is a small fixed site with a redirect chain, odd headers and a page behind an
 * Authorization header; any handler can be served instead.
 */
import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface LocalServer {
  port: number;
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** every request seen, in order (method, url, headers) */
  requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

async function listen(server: Server, scheme: 'http' | 'https'): Promise<LocalServer> {
  const requests: LocalServer['requests'] = [];
  server.prependListener('request', (req: IncomingMessage) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `${scheme}://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function startHttpServer(handler: RequestListener): Promise<LocalServer> {
  return listen(createHttpServer(handler), 'http');
}

/** An HTTPS server presenting `certChainPem` (leaf first) with `keyPem`. */
export function startHttpsServer(opts: { keyPem: string; certChainPem: string }, handler: RequestListener): Promise<LocalServer> {
  return listen(createHttpsServer({ key: opts.keyPem, cert: opts.certChainPem }, handler), 'https');
}

export const TEST_SITE_SECRET = 'Bearer kattegat-test-secret-6f1d';

/**
 * The fixed test site:
 * - `/`            200 with a few security headers, two Set-Cookie headers and an X- header
 * - `/redirect`    301 to `/final` (relative Location)
 * - `/final`       200
 * - `/to-ip/<port>` 302 to `http://127.0.0.1:<port>/final` (an address URL on another origin)
 * - `/js`          302 to `javascript:alert(1)` (never followed)
 * - `/private`     200 only with `Authorization: <TEST_SITE_SECRET>`, else 401; never echoes it
 */
export function testSite(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const tls = (req.socket as TLSSocket).encrypted === true;
  const send = (status: number, headers: Record<string, string | string[]>, body = '') => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  if (path === '/') {
    send(
      200,
      {
        'x-kattegat-test': 'root',
        'x-frame-options': 'DENY',
        'set-cookie': ['session=abc; HttpOnly', 'theme=dark'],
        ...(tls ? { 'strict-transport-security': 'max-age=31536000' } : {}),
      },
      '<html><body>hello</body></html>',
    );
  } else if (path === '/redirect') send(301, { location: '/final' });
  else if (path === '/final') send(200, { 'x-kattegat-test': 'final' }, 'final');
  else if (path.startsWith('/to-ip/')) send(302, { location: `http://127.0.0.1:${Number(path.slice(7))}/final` });
  else if (path === '/js') send(302, { location: 'javascript:alert(1)' });
  else if (path === '/private') {
    if (req.headers.authorization === TEST_SITE_SECRET) send(200, { 'x-kattegat-test': 'private' }, 'welcome');
    else send(401, { 'www-authenticate': 'Bearer realm="kattegat"' }, 'no');
  } else send(404, {}, 'not found');
}
