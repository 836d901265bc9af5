/**
 * A schedule's fields checked and made canonical before they are stored or previewed. Every error
 * is coded and names the field it is about (details.field), with the column for filter errors.
 *
 * Two kinds of schedule: on objects (runOn an object type or null: boefjes, recurrence and/or the
 * created / updated triggers) and on raw files (runOn 'file' + mimeType: normalizers, a recurrence
 * re-reading stored files and/or the created trigger when a file is stored).
 */
import type { ScheduleOperation } from '../api/contracts/schedules';
import { AppError, isAppError } from '../common/errors';
import { hasType } from '../graph/model';
import { compileInputFilter, filterPlugins, type PluginAttributes } from './filter';
import { formatMimePattern, parseMimePattern } from './mime';
import { formatRecurrence, parseRecurrence } from './time';

export const RUN_ON_FILE = 'file';

export interface ScheduleFields {
  name: string;
  enabled: boolean;
  recurrence: string | null;
  plugins: string;
  input: string;
  runOn: string | null;
  mimeType: string | null;
  operations: ScheduleOperation[];
}

/** `catalogue`: every plugin (any kind, enabled or not), to catch a filter that selects the wrong kind. */
export function validateSchedule(f: ScheduleFields, catalogue: readonly PluginAttributes[]): ScheduleFields {
  const field = (name: string, fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (isAppError(e)) throw new AppError(e.code, e.message.startsWith(`${name}: `) ? e.message : `${name}: ${e.message}`, { ...e.details, field: name });
      throw e;
    }
  };
  const onFiles = f.runOn === RUN_ON_FILE;
  let selected: PluginAttributes[] = [];
  field('plugins', () => (selected = filterPlugins(f.plugins, catalogue)));
  const wanted = onFiles ? 'normalizer' : 'boefje';
  if (selected.length > 0 && !selected.some((p) => p.kind === wanted)) {
    const names = selected.slice(0, 5).map((p) => `${p.id} (${p.kind})`).join(', ');
    throw new AppError(
      'BAD_REQUEST',
      `plugins: selects no ${wanted}, only ${names}; a schedule that runs on ${onFiles ? 'raw files runs normalizers' : 'objects runs boefjes'}`,
      { field: 'plugins', kind: wanted },
    );
  }
  if (f.input.trim()) {
    if (onFiles) throw new AppError('BAD_REQUEST', 'input: a schedule that runs on raw files has no object filter (its files are chosen by mimeType)', { field: 'input' });
    field('input', () => compileInputFilter(f.input, 1));
  }
  let recurrence: string | null = null;
  if (f.recurrence?.trim()) {
    const text = f.recurrence.trim();
    // presets (hourly, daily, weekly, monthly) are understood by the parser. Stored canonical; without
    // a DTSTART of the user's the rule keeps the fixed UTC grid (every 6 hours = 00, 06, 12, 18).
    field('recurrence', () => {
      const canonical = formatRecurrence(parseRecurrence(text));
      recurrence = /DTSTART/i.test(text) ? canonical : canonical.split('\n').find((l) => l.startsWith('RRULE:'))!;
    });
  }
  const operations = [...new Set(f.operations)];
  let mimeType: string | null = null;
  if (onFiles) {
    if (!f.mimeType?.trim()) throw new AppError('BAD_REQUEST', 'mimeType: a schedule that runs on raw files needs a mime type, e.g. boefje/nmap, boefje/* or */*', { field: 'mimeType' });
    mimeType = formatMimePattern(parseMimePattern(f.mimeType));
    if (operations.some((o) => o !== 'created')) {
      throw new AppError('BAD_REQUEST', 'operations: a raw file is stored once and never changes; a schedule on raw files runs on "created" only', { field: 'operations' });
    }
    if (!recurrence && operations.length === 0) {
      throw new AppError('BAD_REQUEST', 'A schedule on raw files needs a recurrence (re-read the stored files), "created" (read new files), or both', { field: 'recurrence' });
    }
    return { ...f, recurrence, mimeType, operations };
  }
  if (f.mimeType?.trim()) throw new AppError('BAD_REQUEST', `mimeType: only a schedule that runs on raw files (runOn "${RUN_ON_FILE}") has a mime type`, { field: 'mimeType' });
  if (f.runOn !== null && !hasType(f.runOn)) throw new AppError('UNKNOWN_TYPE', `runOn: "${f.runOn}" is not an object type (or "${RUN_ON_FILE}")`, { field: 'runOn' });
  if (f.runOn && operations.length === 0) throw new AppError('BAD_REQUEST', 'operations: a schedule that runs on objects needs "created" and/or "updated"', { field: 'operations' });
  if (!recurrence && !f.runOn) throw new AppError('BAD_REQUEST', 'A schedule needs a recurrence, an object type or raw files to run on, or both', { field: 'recurrence' });
  return { ...f, recurrence, mimeType, operations: f.runOn ? operations : [] };
}
