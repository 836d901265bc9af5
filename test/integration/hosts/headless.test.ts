import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KatApi } from '../../../src-main/core/kat-api';
import { startHeadlessHost, type HeadlessHost } from '../../../src-main/hosts/headless/server';
import { makeTestApi } from './test-api';
import { makeRendererDir, openSocket, rawRequest } from './headless-fixture';

let api: KatApi;
let host: HeadlessHost;
let renderer: ReturnType<typeof makeRendererDir>;

beforeAll(async () => {
  api = await makeTestApi();
  renderer = makeRendererDir();
  host = await startHeadlessHost({ api, port: 0, rendererDir: renderer.root });
});
afterAll(async () => {
  await host?.close();
  await api?.close();
});

const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });
const post = (method: string, body: unknown, headers: Record<string, string> = auth()) =>
  rawRequest(host.port, { method: 'POST', path: `/api/${method}`, headers, body: JSON.stringify(body) });
const json = (r: { body: string }) => JSON.parse(r.body);

describe('headless host: startup', () => {
  it('prints a loopback URL carrying a 32-byte base64url token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.port).toBeGreaterThan(0);
  });

  it('listens on 127.0.0.1 only', async () => {
    const tryConnect = (h: string) =>
      new Promise<string>((resolve) => {
        const s = connect({ host: h, port: host.port });
        s.on('connect', () => {
          s.destroy();
          resolve('connected');
        });
        s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
      });
    expect(await tryConnect('127.0.0.1')).toBe('connected');
    // 127.0.0.2 is loopback too on Linux: only a socket bound to 127.0.0.1 (not 0.0.0.0) refuses it
    expect(await tryConnect('127.0.0.2')).not.toBe('connected');
    expect(await tryConnect('::1')).not.toBe('connected');
  });
});

describe('headless host: authorisation', () => {
  it('answers 401 UNAUTHORIZED without a token or with a wrong one', async () => {
    const none = await post('system.info', {}, { 'Content-Type': 'application/json' });
    expect(none.status).toBe(401);
    expect(json(none).error.code).toBe('UNAUTHORIZED');
    const wrong = await post('system.info', {}, { Authorization: `Bearer ${host.token.slice(1)}x` });
    expect(wrong.status).toBe(401);
    expect(json(wrong).error.code).toBe('UNAUTHORIZED');
    // the token in the query string is for the WebSocket only
    const query = await rawRequest(host.port, { method: 'POST', path: `/api/system.info?token=${host.token}`, body: '{}' });
    expect(query.status).toBe(401);
  });

  it('refuses a WebSocket upgrade without or with a wrong token', async () => {
    const base = `ws://127.0.0.1:${host.port}/api/events`;
    const none = await openSocket(base);
    expect('status' in none && none.status).toBe(401);
    const wrong = await openSocket(`${base}?token=nope`);
    expect('status' in wrong && wrong.status).toBe(401);
    expect('status' in wrong && JSON.parse(wrong.body).error.code).toBe('UNAUTHORIZED');
  });

  it('answers 403 FORBIDDEN_ORIGIN to a foreign Origin, even with the token (HTTP and WebSocket)', async () => {
    const r = await post('system.info', {}, { ...auth(), Origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect(json(r).error.code).toBe('FORBIDDEN_ORIGIN');
    const otherPort = await post('system.info', {}, { ...auth(), Origin: `http://127.0.0.1:${host.port + 1}` });
    expect(otherPort.status).toBe(403);
    const ws = await openSocket(`ws://127.0.0.1:${host.port}/api/events?token=${host.token}`, { Origin: 'http://evil.example' });
    expect('status' in ws && ws.status).toBe(403);
    expect('status' in ws && JSON.parse(ws.body).error.code).toBe('FORBIDDEN_ORIGIN');
  });

  it('accepts its own origin, on 127.0.0.1 and localhost', async () => {
    for (const origin of [`http://127.0.0.1:${host.port}`, `http://localhost:${host.port}`]) {
      const r = await post('system.info', {}, { ...auth(), Origin: origin });
      expect(r.status).toBe(200);
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await rawRequest(host.port, { path: '/', headers: { Host: `rebind.example:${host.port}` } });
    expect(r.status).toBe(403);
  });
});

describe('headless host: API over HTTP', () => {
  it('serves system.listApi', async () => {
    const r = await post('system.listApi', {});
    expect(r.status).toBe(200);
    const methods = json(r).result.map((d: { method: string }) => d.method);
    expect(methods).toContain('system.multicall');
    expect(methods).toContain('orgs.create');
  });

  it('answers 400 BAD_REQUEST naming the field on a bad payload', async () => {
    const r = await post('orgs.create', { code: 'Not A Code!', name: 'x' });
    expect(r.status).toBe(400);
    const { error } = json(r);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.details.field).toBe('code');
    expect(r.body).not.toMatch(/\n\s+at /);
  });

  it('answers 400 BAD_REQUEST on a body that is not JSON', async () => {
    const r = await rawRequest(host.port, { method: 'POST', path: '/api/system.info', headers: auth(), body: '{nope' });
    expect(r.status).toBe(400);
    expect(json(r).error.code).toBe('BAD_REQUEST');
  });

  it('answers 404 UNKNOWN_METHOD', async () => {
    const r = await post('nothing.here', {});
    expect(r.status).toBe(404);
    expect(json(r).error.code).toBe('UNKNOWN_METHOD');
  });

  it('runs a multicall', async () => {
    const r = await post('system.multicall', { calls: [{ method: 'orgs.list', params: {} }, { method: 'nope.nope', params: {} }] });
    expect(r.status).toBe(200);
    const [a, b] = json(r).result;
    expect(a.ok).toBe(true);
    expect(Array.isArray(a.result)).toBe(true);
    expect(b).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses a body over 25 MB with a coded error', async () => {
    const big = Buffer.alloc(25 * 1024 * 1024 + 10, 0x20);
    const r = await rawRequest(host.port, { method: 'POST', path: '/api/system.info', headers: auth(), body: big });
    expect(r.status).toBe(413);
    expect(json(r).error).toMatchObject({ code: 'BAD_REQUEST', details: { limit: 25 * 1024 * 1024 } });
  });

  it('maps conflicts to 409', async () => {
    expect((await post('orgs.create', { code: 'dup', name: 'Dup' })).status).toBe(200);
    const again = await post('orgs.create', { code: 'dup', name: 'Dup' });
    expect(again.status).toBe(409);
    expect(json(again).error.code).toBe('ORG_EXISTS');
  });
});

describe('headless host: WebSocket', () => {
  it('pushes an event after a mutation, and answers calls on the same socket', async () => {
    const s = await openSocket(`ws://127.0.0.1:${host.port}/api/events?token=${host.token}`, { Origin: `http://127.0.0.1:${host.port}` });
    if ('status' in s) throw new Error(`upgrade refused: ${s.status}`);
    try {
      const created = await post('orgs.create', { code: 'acme', name: 'Acme' });
      expect(created.status).toBe(200);
      const event = await s.next((m) => m.topic === 'orgs.changed' && m.org === 'acme');
      expect(event).toMatchObject({ topic: 'orgs.changed', org: 'acme', change: 'created' });

      s.ws.send(JSON.stringify({ id: 7, method: 'orgs.list', params: {} }));
      const answer = await s.next((m) => m.id === 7);
      expect(answer.result.map((o: { code: string }) => o.code)).toContain('acme');

      s.ws.send(JSON.stringify({ id: 'x', method: 'orgs.create', params: { code: '' } }));
      expect((await s.next((m) => m.id === 'x')).error.code).toBe('BAD_REQUEST');

      s.ws.send('not json');
      expect((await s.next((m) => m.id === null)).error.code).toBe('BAD_REQUEST');
    } finally {
      s.ws.close();
    }
  });
});

describe('headless host: static renderer', () => {
  it('serves index.html with a strict CSP, and the SPA fallback', async () => {
    const r = await rawRequest(host.port, { path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toContain('<div id="root">');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    const deep = await rawRequest(host.port, { path: '/objects/Hostname%7Cinternet%7Cexample.org' });
    expect(deep.status).toBe(200);
    expect(deep.body).toContain('<div id="root">');
  });

  it('serves assets with their content types, and 404 for a missing asset', async () => {
    const js = await rawRequest(host.port, { path: '/assets/app-1234.js' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await rawRequest(host.port, { path: '/assets/app-1234.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await rawRequest(host.port, { path: '/assets/missing.js' })).status).toBe(404);
  });

  it('refuses path traversal', async () => {
    for (const path of ['/assets/leak.txt', '/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00']) {
      const r = await rawRequest(host.port, { path });
      expect(r.body, path).not.toContain(renderer.secret);
      expect([400, 404], path).toContain(r.status);
    }
  });

  it('needs no token for the page itself, but does for /api/events over plain HTTP', async () => {
    expect((await rawRequest(host.port, { path: '/api/events' })).status).toBe(401);
  });
});
