import { pathToFileURL } from 'node:url';

/** Where the renderer comes from: the built index.html, or the Vite dev server in development. */
export type RendererSource = { kind: 'file'; file: string } | { kind: 'url'; url: string };

export function rendererUrl(source: RendererSource): string {
  return source.kind === 'file' ? pathToFileURL(source.file).href : source.url;
}

/**
 * True when `url` is our renderer: the same origin as the dev server, or exactly our index.html
 * (any hash or query). Used for navigation and to check who is calling over IPC.
 */
export function isRendererUrl(source: RendererSource, url: string | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const own = new URL(rendererUrl(source));
  if (source.kind === 'url') return u.origin === own.origin && u.origin !== 'null';
  return u.protocol === 'file:' && u.host === own.host && u.pathname === own.pathname;
}
