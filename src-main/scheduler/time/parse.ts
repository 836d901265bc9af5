/**
 * Parses the recurrence of a schedule: an RFC 5545 RRULE subset with an optional DTSTART, or a preset.
 *
 *   text    := preset | [ 'DTSTART' params ':' time NEWLINE ] [ 'RRULE:' ] rule
 *   preset  := 'hourly' | 'daily' | 'weekly' | 'monthly'        (see PRESETS)
 *   rule    := part (';' part)*     FREQ is required, every other part at most once
 *   time    := YYYYMMDD 'T' HHMMSS ['Z'] | YYYYMMDD             always read as UTC; TZID is refused
 *
 * Parts: FREQ=MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY, INTERVAL=n, BYDAY=MO,TU.. (with an ordinal such
 * as 1MO or -1FR for MONTHLY only), BYHOUR=0..23, BYMINUTE=0..59, BYMONTHDAY=1..31|-31..-1 (not
 * with WEEKLY), COUNT=n or UNTIL=time (not both), WKST=MO (the only week start). Names and values
 * are case-insensitive.
 *
 * Without a DTSTART the start is `options.start`, else 1970-01-01T00:00:00Z; so "every 6 hours"
 * fires at 00:00, 06:00, 12:00 and 18:00 UTC. COUNT needs an explicit start (it counts from there).
 *
 * Errors: AppError('BAD_REQUEST') with details { field: 'recurrence', part (e.g. 'BYDAY'), value,
 * line and column (1-based, where the part starts) }.
 */
import { AppError } from '../../common/errors.js';
import { FREQUENCIES, LIMITS, type ByDay, type Frequency, type Recurrence, type Weekday } from './types.js';

export const PRESETS: Readonly<Record<string, string>> = Object.freeze({
  hourly: 'FREQ=HOURLY;BYMINUTE=0',
  daily: 'FREQ=DAILY;BYHOUR=0;BYMINUTE=0',
  weekly: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=0;BYMINUTE=0',
  monthly: 'FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=0;BYMINUTE=0',
});

export interface ParseOptions {
  /** the start when the text has no DTSTART (e.g. when the schedule was created); whole seconds are kept */
  start?: Date;
}

interface Where {
  line: number;
  column: number;
}

function fail(part: string, value: string, at: Where, message: string): never {
  throw new AppError('BAD_REQUEST', `Recurrence: ${message}`, { field: 'recurrence', part, value, ...at });
}

const SUPPORTED = ['FREQ', 'INTERVAL', 'BYDAY', 'BYHOUR', 'BYMINUTE', 'BYMONTHDAY', 'COUNT', 'UNTIL', 'WKST'];
const TIME = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/;

/** A DTSTART/UNTIL value as UTC epoch ms, or null when it is not a valid date-time. */
function parseTime(text: string): number | null {
  const m = TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  const ok = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
  return ok && h < 24 && mi < 60 && s < 60 ? ms : null;
}

function intList(part: string, value: string, at: Where, min: number, max: number, zero: boolean): number[] {
  const out = new Set<number>();
  for (const item of value.split(',')) {
    const n = /^[+-]?\d{1,5}$/.test(item) ? Number(item) : NaN;
    if (!Number.isInteger(n) || n < min || n > max || (!zero && n === 0)) {
      fail(part, value, at, `${part} takes ${zero ? '' : 'non-zero '}whole numbers from ${min} to ${max} separated by commas, not "${item}"`);
    }
    out.add(n);
  }
  return [...out];
}

function positive(part: string, value: string, at: Where, max: number): number {
  const n = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= max)) fail(part, value, at, `${part} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

function byDayList(value: string, at: Where, freq: Frequency): ByDay[] {
  const out = new Map<string, ByDay>();
  for (const item of value.split(',')) {
    const m = /^([+-]?\d+)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!m) fail('BYDAY', value, at, `BYDAY takes week days MO, TU, WE, TH, FR, SA, SU (MONTHLY also 1MO .. 5MO, -1MO), not "${item}"`);
    const day = m[2] as Weekday;
    if (m[1] === undefined) {
      out.set(day, { day });
      continue;
    }
    const nth = Number(m[1]);
    if (freq !== 'MONTHLY') fail('BYDAY', value, at, `an ordinal week day such as "${item}" needs FREQ=MONTHLY`);
    if (nth === 0 || nth < -5 || nth > 5) fail('BYDAY', value, at, `the ordinal of "${item}" must be 1..5 or -5..-1`);
    out.set(`${nth}${day}`, { day, nth });
  }
  return [...out.values()];
}

/** Splits the text into an optional DTSTART line and the rule line, keeping positions. */
function splitLines(text: string): { dtstart?: { value: string; params: string; at: Where }; rule: { text: string; at: Where } } {
  const lines = text.split(/\r?\n/);
  let dtstart: { value: string; params: string; at: Where } | undefined;
  let rule: { text: string; at: Where } | undefined;
  lines.forEach((raw, i) => {
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    const at = { line: i + 1, column: lead + 1 };
    if (line === '') return;
    const upper = line.toUpperCase();
    if (upper.startsWith('DTSTART')) {
      if (dtstart) fail('DTSTART', line, at, 'DTSTART is given twice');
      const colon = line.indexOf(':');
      if (colon < 0) fail('DTSTART', line, at, 'DTSTART needs a ":" before its time, as in DTSTART:20260105T090000Z');
      dtstart = { value: upper.slice(colon + 1), params: upper.slice('DTSTART'.length, colon), at };
    } else {
      if (rule) fail('RRULE', line, at, 'only one RRULE is supported');
      const prefix = upper.startsWith('RRULE:') ? 'RRULE:'.length : 0;
      rule = { text: upper.slice(prefix), at: { line: at.line, column: at.column + prefix } };
    }
  });
  if (!rule) fail('RRULE', text, { line: 1, column: 1 }, 'the recurrence is empty: give a rule such as FREQ=DAILY;BYHOUR=2 or a preset (daily, hourly, weekly, monthly)');
  return { dtstart, rule };
}

function parseStart(d: { value: string; params: string; at: Where }): number {
  for (const p of d.params.split(';').filter(Boolean)) {
    if (p.startsWith('TZID=')) fail('DTSTART', d.params, d.at, 'time zones (TZID) are not supported: write the start in UTC, as in DTSTART:20260105T090000Z');
    if (p !== 'VALUE=DATE' && p !== 'VALUE=DATE-TIME') fail('DTSTART', d.params, d.at, `unsupported DTSTART parameter "${p}"`);
  }
  const ms = parseTime(d.value);
  if (ms === null) fail('DTSTART', d.value, d.at, `"${d.value}" is not a date-time like 20260105T090000Z`);
  return ms;
}

/** Parses a recurrence (see the grammar above). Throws AppError('BAD_REQUEST') naming the bad part. */
export function parseRecurrence(text: string, options: ParseOptions = {}): Recurrence {
  const preset = text.trim().toLowerCase();
  if (Object.hasOwn(PRESETS, preset)) return Object.freeze({ ...parseRecurrence(PRESETS[preset]!, options), preset });
  const { dtstart, rule } = splitLines(text);
  const startMs = dtstart ? parseStart(dtstart) : Math.floor((options.start?.getTime() ?? 0) / 1000) * 1000;
  if (!Number.isFinite(startMs)) fail('DTSTART', String(options.start), { line: 1, column: 1 }, 'the default start is not a valid date');

  const parts = new Map<string, { value: string; at: Where }>();
  let column = rule.at.column;
  const pieces = rule.text.split(';');
  for (const [i, piece] of pieces.entries()) {
    const at = { line: rule.at.line, column };
    column += piece.length + 1;
    if (piece === '' && i === pieces.length - 1 && i > 0) continue; // a trailing ';'
    if (/\s/.test(piece) && piece.includes('=')) fail(piece.trim().split(/[\s=]/)[0] || 'RRULE', piece, at, `"${piece}" contains a space: write the rule without spaces, as in FREQ=DAILY;BYHOUR=2`);
    const eq = piece.indexOf('=');
    const name = eq < 0 ? piece : piece.slice(0, eq);
    if (eq < 0 || eq === piece.length - 1) fail(name || 'RRULE', piece, at, `"${piece}" is not NAME=VALUE: write a rule such as FREQ=DAILY;BYHOUR=2, or a preset (${Object.keys(PRESETS).join(', ')})`);
    if (!SUPPORTED.includes(name)) fail(name, piece, at, `${name} is not supported (supported: ${SUPPORTED.join(', ')})`);
    if (parts.has(name)) fail(name, piece, at, `${name} is given twice`);
    parts.set(name, { value: piece.slice(eq + 1), at });
  }

  const freqPart = parts.get('FREQ');
  if (!freqPart) fail('FREQ', rule.text, rule.at, 'FREQ is required, e.g. FREQ=DAILY');
  const freq = freqPart.value as Frequency;
  if (!FREQUENCIES.includes(freq)) fail('FREQ', freqPart.value, freqPart.at, `FREQ must be one of ${FREQUENCIES.join(', ')}, not "${freqPart.value}"`);

  const get = <T>(name: string, read: (value: string, at: Where) => T): T | undefined => {
    const p = parts.get(name);
    return p === undefined ? undefined : read(p.value, p.at);
  };
  const wkst = parts.get('WKST');
  if (wkst && wkst.value !== 'MO') fail('WKST', wkst.value, wkst.at, 'only WKST=MO (weeks start on Monday) is supported');
  const monthDay = parts.get('BYMONTHDAY');
  if (monthDay && freq === 'WEEKLY') fail('BYMONTHDAY', monthDay.value, monthDay.at, 'BYMONTHDAY cannot be used with FREQ=WEEKLY');
  const countPart = parts.get('COUNT');
  const untilPart = parts.get('UNTIL');
  if (countPart && untilPart) fail('UNTIL', untilPart.value, untilPart.at, 'COUNT and UNTIL cannot both be given');
  if (countPart && !dtstart && !options.start) {
    fail('COUNT', countPart.value, countPart.at, 'COUNT needs a DTSTART to count from, as in DTSTART:20260105T090000Z');
  }

  const sorted = (xs: number[] | undefined) => Object.freeze((xs ?? []).sort((a, b) => a - b));
  const until = get('UNTIL', (v, at) => parseTime(v) ?? fail('UNTIL', v, at, `"${v}" is not a date-time like 20261231T235959Z`));
  const count = get('COUNT', (v, at) => positive('COUNT', v, at, LIMITS.count));
  const r: Recurrence = {
    freq,
    interval: get('INTERVAL', (v, at) => positive('INTERVAL', v, at, LIMITS.interval)) ?? 1,
    dtstart: new Date(startMs),
    explicitStart: dtstart !== undefined,
    byDay: Object.freeze(get('BYDAY', (v, at) => byDayList(v, at, freq)) ?? []),
    byHour: sorted(get('BYHOUR', (v, at) => intList('BYHOUR', v, at, 0, 23, true))),
    byMinute: sorted(get('BYMINUTE', (v, at) => intList('BYMINUTE', v, at, 0, 59, true))),
    byMonthDay: Object.freeze(get('BYMONTHDAY', (v, at) => intList('BYMONTHDAY', v, at, -31, 31, false)) ?? []),
    ...(count !== undefined ? { count } : {}),
    ...(until !== undefined ? { until: new Date(until) } : {}),
  };
  return Object.freeze(r);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function formatTime(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** The canonical text of a recurrence ("DTSTART:...\nRRULE:..."); parsing it gives an equal recurrence. */
export function formatRecurrence(r: Recurrence): string {
  const parts = [`FREQ=${r.freq}`];
  if (r.interval !== 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.byDay.length) parts.push(`BYDAY=${r.byDay.map((d) => `${d.nth ?? ''}${d.day}`).join(',')}`);
  if (r.byMonthDay.length) parts.push(`BYMONTHDAY=${r.byMonthDay.join(',')}`);
  if (r.byHour.length) parts.push(`BYHOUR=${r.byHour.join(',')}`);
  if (r.byMinute.length) parts.push(`BYMINUTE=${r.byMinute.join(',')}`);
  if (r.count !== undefined) parts.push(`COUNT=${r.count}`);
  if (r.until) parts.push(`UNTIL=${formatTime(r.until)}`);
  return `DTSTART:${formatTime(r.dtstart)}\nRRULE:${parts.join(';')}`;
}

