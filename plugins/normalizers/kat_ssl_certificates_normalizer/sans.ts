/**
 * Subject alternative names from node's `subjectAltName` string: "DNS:a, IP Address:127.0.0.1".
 * node JSON-quotes a value that contains separators or quotes (`DNS:"a, DNS:b"`), so the list is
 * read as tokens, never split on ", " blindly.
 */
import { malformed } from '../../../src-main/normalizers/types';

export interface San {
  /** 'DNS', 'IP Address', 'email', 'URI', 'DirName', 'othername', 'Registered ID' */
  kind: string;
  value: string;
}

export function parseSans(list: string | undefined): San[] {
  if (list === undefined || list === '') return [];
  const out: San[] = [];
  let i = 0;
  while (i < list.length) {
    const colon = list.indexOf(':', i);
    if (colon < 0) throw malformed(`unreadable subject alternative name near '${list.slice(i, i + 40)}'`, { reason: 'san' });
    const kind = list.slice(i, colon);
    i = colon + 1;
    let value: string;
    if (list[i] === '"') {
      let j = i + 1;
      while (j < list.length && list[j] !== '"') j += list[j] === '\\' ? 2 : 1;
      try {
        value = JSON.parse(list.slice(i, j + 1)) as string;
      } catch {
        throw malformed(`unreadable quoted subject alternative name near '${list.slice(i, i + 40)}'`, { reason: 'san' });
      }
      i = j + 1;
    } else {
      const comma = list.indexOf(', ', i);
      const end = comma < 0 ? list.length : comma;
      value = list.slice(i, end);
      i = end;
    }
    if (list.startsWith(', ', i)) i += 2;
    out.push({ kind, value });
  }
  return out;
}
