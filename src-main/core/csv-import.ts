import { isIP } from 'node:net';
import { AppError, toErrorPayload } from '../common/errors';
import { hasType, normalizeObject, type OOI } from '../graph/model';
import type { CsvRowResult } from '../api/types';

/** Friendly names accepted in a `type` column, besides exact OOI type names. */
const TYPE_ALIASES: Record<string, string> = {
  hostname: 'Hostname',
  host: 'Hostname',
  domain: 'Hostname',
  ip: 'ip',
  ipaddress: 'ip',
  ipv4: 'IPAddressV4',
  ipv6: 'IPAddressV6',
  url: 'URL',
  network: 'Network',
  netblock: 'netblock',
  cidr: 'netblock',
};
const VALUE_COLUMNS = ['value', 'name', 'object', 'address', 'url', 'hostname', 'ip'];
const KNOWN_COLUMNS = new Set(['type', ...VALUE_COLUMNS]);

export interface ParsedRow {
  line: number;
  input: string;
  ooi?: OOI;
  error?: CsvRowResult['error'];
}

/** Splits one CSV line with double-quote quoting. */
function splitLine(line: string, delim: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === delim) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** Guesses the object for a bare value: URL, CIDR block, IP address, else hostname. */
export function objectForValue(value: string, network: string, typeHint?: string): OOI {
  const net = `Network|${network}`;
  let t = typeHint ? (TYPE_ALIASES[typeHint.toLowerCase()] ?? typeHint) : undefined;
  if (t && t !== 'ip' && t !== 'netblock' && !hasType(t)) {
    throw new AppError('INVALID_OBJECT', `Unknown type "${typeHint}" (use hostname, ip, url, network, cidr or an object type name)`, { field: 'type' });
  }
  if (!t) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) t = 'URL';
    else if (value.includes('/')) t = 'netblock';
    else if (isIP(value)) t = 'ip';
    else t = 'Hostname';
  }
  switch (t) {
    case 'ip':
      return normalizeObject(isIP(value) === 6 ? 'IPAddressV6' : 'IPAddressV4', { network: net, address: value });
    case 'netblock': {
      const [ip, mask] = value.split('/');
      const v6 = isIP(ip ?? '') === 6;
      if (!ip || !isIP(ip) || mask === undefined || !/^\d{1,3}$/.test(mask)) {
        throw new AppError('INVALID_OBJECT', `"${value}" is not an address block like 10.0.0.0/24`, { field: 'value' });
      }
      const start = `${v6 ? 'IPAddressV6' : 'IPAddressV4'}|${network}|${ip}`;
      return normalizeObject(v6 ? 'IPV6NetBlock' : 'IPV4NetBlock', { network: net, start_ip: start, mask: Number(mask) });
    }
    case 'URL':
      return normalizeObject('URL', { network: net, raw: value });
    case 'Network':
      return normalizeObject('Network', { name: value });
    case 'Hostname':
      return normalizeObject('Hostname', { network: net, name: value });
    case 'IPAddressV4':
    case 'IPAddressV6':
      return normalizeObject(t, { network: net, address: value });
    default:
      throw new AppError('INVALID_OBJECT', `Type ${t} cannot be imported from one value; use hostname, ip, url, network or cidr`, { field: 'type' });
  }
}

/**
 * Parses CSV into objects, one per row: one value per line, or a header row naming a `type`
 * column and a value column (value/name/address/url/hostname/ip). Blank lines and `#` comments are
 * skipped. Every row gets its own result; a bad row never stops the others.
 */
export function parseCsv(csv: string, network: string): ParsedRow[] {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (first < 0) return [];
  const headerLine = lines[first]!;
  const delim = [',', ';', '\t'].find((d) => headerLine.includes(d)) ?? ',';
  const header = splitLine(headerLine, delim).map((h) => h.toLowerCase());
  const hasHeader = header.some((h) => h === 'type') || (header.length === 1 && VALUE_COLUMNS.includes(header[0]!));
  let typeCol = -1;
  let valueCol = 0;
  if (hasHeader) {
    const unknown = header.filter((h) => !KNOWN_COLUMNS.has(h));
    if (unknown.length > 0) {
      throw new AppError('INVALID_CSV', `Unknown column "${unknown[0]}" (known: type, value, name, address, url, hostname, ip)`, { column: unknown[0], line: first + 1 });
    }
    typeCol = header.indexOf('type');
    valueCol = header.findIndex((h) => VALUE_COLUMNS.includes(h));
    if (valueCol < 0) throw new AppError('INVALID_CSV', 'The header has no value column (value, name, address, url, hostname or ip)', { line: first + 1 });
  }
  const rows: ParsedRow[] = [];
  for (let i = hasHeader ? first + 1 : first; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const cells = hasHeader ? splitLine(raw, delim) : [trimmed];
    const value = (cells[valueCol] ?? '').trim();
    const line = i + 1;
    if (value === '') {
      rows.push({ line, input: raw, error: { code: 'INVALID_OBJECT', message: 'Empty value', details: { field: 'value' } } });
      continue;
    }
    try {
      rows.push({ line, input: raw, ooi: objectForValue(value, network, typeCol >= 0 ? cells[typeCol] || undefined : undefined) });
    } catch (e) {
      rows.push({ line, input: raw, error: toErrorPayload(e) });
    }
  }
  return rows;
}
