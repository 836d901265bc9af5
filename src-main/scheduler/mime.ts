/**
 * The mime type of a schedule that runs on raw files: one mime type (`boefje/nmap`), every subtype of
 * a type (`boefje/*`), or any file (star, slash, star). Pure.
 */
import { AppError } from '../common/errors';
import { MIME_TYPE } from '../plugins/manifest';

/** SQL-ready form: any, or an exact type, or a prefix ("boefje/"). */
export interface MimePattern {
  any: boolean;
  exact: string | null;
  prefix: string | null;
}

const TYPE_WILDCARD = /^[a-z0-9][a-z0-9.+_-]*\/\*$/i;

/** Throws BAD_REQUEST (details.field 'mimeType') for anything else. */
export function parseMimePattern(text: string): MimePattern {
  const t = text.trim().toLowerCase();
  if (t === '*/*' || t === '*') return { any: true, exact: null, prefix: null };
  if (TYPE_WILDCARD.test(t)) return { any: false, exact: null, prefix: t.slice(0, -1) };
  if (t.length <= 200 && MIME_TYPE.test(t)) return { any: false, exact: t, prefix: null };
  throw new AppError('BAD_REQUEST', `mimeType: "${text.slice(0, 100)}" is not a mime type; use one like boefje/nmap, boefje/* for every boefje's output, or */* for any file`, {
    field: 'mimeType',
  });
}

/** The canonical text of a pattern (stored). */
export function formatMimePattern(p: MimePattern): string {
  return p.any ? '*/*' : (p.exact ?? `${p.prefix}*`);
}

export function mimeMatches(p: MimePattern, mime: string): boolean {
  const m = mime.toLowerCase();
  return p.any || m === p.exact || (p.prefix !== null && m.startsWith(p.prefix));
}
