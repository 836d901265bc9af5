/**
 * V8's JSON.parse takes seconds on deeply nested input (50 MB of '[' took ~10 s here). Normalizers
 * whose documents are shallow check the nesting first: one linear pass, strings skipped.
 */
import { malformed } from './types';

/** Throws RAW_MALFORMED (reason 'depth') when arrays/objects nest deeper than `max`. */
export function assertJsonDepth(text: string, max: number, what = 'the raw file'): void {
  let depth = 0;
  let inString = false;
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) throw malformed(`${what} nests deeper than ${max} levels (at character ${i})`, { reason: 'depth', offset: i });
    } else if (c === 93 || c === 125) depth--;
  }
}
