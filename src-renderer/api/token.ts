const KEY = 'kat.token';

/**
 * The headless host's access token arrives once in the page URL (`?token=...`). It is moved to
 * sessionStorage and stripped from the address bar so it does not linger in history or screenshots.
 */
export function takeToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(KEY);
}
