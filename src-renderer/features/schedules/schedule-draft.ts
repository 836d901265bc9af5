import type { Schedule, ScheduleOperation } from '../../../src-main/api/contracts/schedules';
import type { ErrorInfo } from '../../stores/types';

/** The editor's state of a schedule: plain strings, as typed. */
export interface ScheduleDraft {
  name: string;
  enabled: boolean;
  recurrence: string;
  plugins: string;
  input: string;
  /** '' = on the recurrence only; RUN_ON_FILE = normalizers on raw files of `mimeType` */
  runOn: string;
  /** with runOn RUN_ON_FILE: boefje/nmap, boefje/* or * / * */
  mimeType: string;
  operations: ScheduleOperation[];
}

export type DraftField = 'name' | 'recurrence' | 'plugins' | 'input' | 'runOn' | 'mimeType';
const FIELDS: readonly DraftField[] = ['name', 'recurrence', 'plugins', 'input', 'runOn', 'mimeType'];

/** The runOn of a schedule on raw files (its plugins are normalizers). */
export const RUN_ON_FILE = 'file';

/** in the contract's order (a value import of the contract would pull zod into the renderer) */
export const OPERATIONS: readonly ScheduleOperation[] = ['created', 'updated'];

export const RECURRENCE_PRESETS: readonly { label: string; value: string }[] = [
  { label: 'Hourly', value: 'hourly' },
  { label: 'Daily', value: 'daily' },
  { label: 'Weekly', value: 'weekly' },
];

export const EMPTY_DRAFT: ScheduleDraft = { name: '', enabled: true, recurrence: '', plugins: '', input: '', runOn: '', mimeType: '', operations: [] };

export function draftFrom(s: Schedule): ScheduleDraft {
  return {
    name: s.name,
    enabled: s.enabled,
    recurrence: s.recurrence ?? '',
    plugins: s.plugins,
    input: s.input,
    runOn: s.runOn ?? '',
    mimeType: s.mimeType ?? '',
    operations: [...s.operations],
  };
}

/** The operations a trigger of this kind offers (a raw file is only ever created). */
export function operationsFor(runOn: string): readonly ScheduleOperation[] {
  return runOn === RUN_ON_FILE ? ['created'] : OPERATIONS;
}

/** A schedule's fields as the API takes them. */
export interface SchedulePayload {
  name: string;
  enabled: boolean;
  recurrence: string | null;
  plugins: string;
  input: string;
  runOn: string | null;
  mimeType: string | null;
  operations: ScheduleOperation[];
}

/**
 * The draft as the API takes it: operations only with something to watch; a schedule on raw files
 * sends its mime type and no object filter (the form hides that field for it).
 */
export function toPayload(d: ScheduleDraft): SchedulePayload {
  const onFiles = d.runOn === RUN_ON_FILE;
  return {
    name: d.name.trim(),
    enabled: d.enabled,
    recurrence: d.recurrence.trim() || null,
    plugins: d.plugins,
    input: onFiles ? '' : d.input,
    runOn: d.runOn || null,
    mimeType: onFiles ? d.mimeType.trim() || null : null,
    operations: d.runOn ? d.operations.filter((o) => operationsFor(d.runOn).includes(o)) : [],
  };
}

/** Only what changed, for schedules.update. */
export function changedFields(d: ScheduleDraft, s: Schedule): Partial<SchedulePayload> {
  const next = toPayload(d);
  const was = toPayload(draftFrom(s));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[k]) !== JSON.stringify(was[k])) out[k] = next[k];
  }
  return out as Partial<SchedulePayload>;
}

export function sameDraft(a: ScheduleDraft, b: ScheduleDraft): boolean {
  return JSON.stringify(toPayload(a)) === JSON.stringify(toPayload(b));
}

/** A coded error placed on the field it is about, with where in the text, when the core says. */
export interface FieldError {
  field: DraftField | null;
  code: string;
  message: string;
  /** 1-based line and column in the field's text */
  line: number | null;
  column: number | null;
}

/** details.field is 'plugins' or, from the payload validator, a path such as 'draft.name'. */
export function fieldError(err: ErrorInfo, text?: (f: DraftField) => string): FieldError {
  const d = err.details ?? {};
  const path = typeof d.field === 'string' ? d.field.split('.') : [];
  const field = (path.find((p) => (FIELDS as readonly string[]).includes(p)) as DraftField | undefined) ?? (path.includes('operations') ? 'runOn' : null);
  let line = typeof d.line === 'number' ? d.line : null;
  let column = typeof d.column === 'number' ? d.column : null;
  if (field && column !== null && line === null && text) {
    // filter errors count the column over the whole text: turn it into line + column
    ({ line, column } = lineAndColumn(text(field), column));
  }
  return { field, code: err.code, message: field ? withoutFieldPrefix(err.message, field) : err.message, line, column };
}

/** "recurrence: Recurrence: BYHOUR …" under the Recurrence field reads "BYHOUR …". */
function withoutFieldPrefix(message: string, field: string): string {
  let m = message;
  const prefix = `${field.toLowerCase()}: `;
  while (m.toLowerCase().startsWith(prefix)) m = m.slice(prefix.length);
  return m.charAt(0).toUpperCase() + m.slice(1);
}

/** 1-based offset into a text as 1-based line and column. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset - 1)).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
