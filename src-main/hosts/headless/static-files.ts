import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

type Resolved = { kind: 'file'; path: string } | { kind: 'refused' } | { kind: 'missing' };

/**
 * Maps a URL path to a file inside `root`: percent-decoded once, no NUL, no `..` segment, and the
 * real path (symlinks followed) must stay inside the real root. Unknown paths that do not look like
 * an asset get index.html (the renderer routes on the client); a missing asset is a 404.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<Resolved> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused' };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').some((s) => s === '..')) return { kind: 'refused' };
  const realRoot = await realpath(root).catch(() => resolve(root));
  const candidate = resolve(realRoot, '.' + (decoded.endsWith('/') ? decoded + 'index.html' : decoded));
  if (candidate !== realRoot && !candidate.startsWith(realRoot + sep)) return { kind: 'refused' };
  const found = await realFile(candidate);
  if (found) return found.startsWith(realRoot + sep) ? { kind: 'file', path: found } : { kind: 'refused' };
  if (looksLikeAsset(decoded)) return { kind: 'missing' };
  const index = await realFile(join(realRoot, 'index.html'));
  return index ? { kind: 'file', path: index } : { kind: 'missing' };
}

/** A missing script or image is a 404; any other path is a client-side route (it may hold a pk). */
function looksLikeAsset(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return path.startsWith('/assets/') || (ext !== '.html' && ext in CONTENT_TYPES);
}

async function realFile(p: string): Promise<string | undefined> {
  try {
    const real = await realpath(p);
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, urlPath: string, headers: Record<string, string>): Promise<void> {
  const r = await resolveStatic(root, urlPath);
  if (r.kind !== 'file') {
    const status = r.kind === 'refused' ? 400 : 404;
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(r.kind === 'refused' ? 'Bad path\n' : 'Not found\n');
    return;
  }
  const info = await stat(r.path);
  const isIndex = r.path.endsWith(sep + 'index.html');
  res.writeHead(200, {
    ...headers,
    'Content-Type': contentTypeFor(r.path),
    'Content-Length': info.size,
    // Vite's assets carry a content hash in their name; the page itself must always be fresh.
    'Cache-Control': !isIndex && urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(r.path)
    .on('error', () => res.destroy())
    .pipe(res);
}
