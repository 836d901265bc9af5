/** The schedule editor's pure helpers: payloads, changed fields, errors placed on fields and columns. */
import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../src-main/api/contracts/schedules';
import { changedFields, draftFrom, EMPTY_DRAFT, fieldError, lineAndColumn, toPayload } from '../../../src-renderer/features/schedules/schedule-draft';
import { completedLastMinute } from '../../../src-renderer/stores/queue-slice';

const saved: Schedule = {
  id: 's1', org: 'acme', name: 'Daily', enabled: true, recurrence: 'FREQ=DAILY', recurrenceText: 'every day', plugins: '', input: '',
  runOn: 'Hostname', mimeType: null, operations: ['created'], isDefault: true, createdAt: '', updatedAt: '', lastRunAt: null, nextRunAt: null, lastResult: null,
};

describe('schedule draft', () => {
  it('sends null for an empty recurrence and no operations without an object type', () => {
    expect(toPayload({ ...EMPTY_DRAFT, name: ' x ', recurrence: '  ', operations: ['created'] })).toEqual({
      name: 'x', enabled: true, recurrence: null, plugins: '', input: '', runOn: null, mimeType: null, operations: [],
    });
  });

  it('a schedule on raw files sends its mime type, only "created", and no object filter', () => {
    expect(toPayload({ ...EMPTY_DRAFT, name: 'nmap again', recurrence: 'weekly', runOn: 'file', mimeType: ' boefje/nmap ', input: 'Hostname', operations: ['created', 'updated'] })).toEqual({
      name: 'nmap again', enabled: true, recurrence: 'weekly', plugins: '', input: '', runOn: 'file', mimeType: 'boefje/nmap', operations: ['created'],
    });
    // another trigger drops the mime type
    expect(toPayload({ ...EMPTY_DRAFT, name: 'x', runOn: 'Hostname', mimeType: 'boefje/nmap', operations: ['updated'] })).toMatchObject({ runOn: 'Hostname', mimeType: null, operations: ['updated'] });
    const file: Schedule = { ...saved, runOn: 'file', mimeType: 'boefje/*', input: '' };
    expect(changedFields({ ...draftFrom(file), mimeType: 'boefje/nmap' }, file)).toEqual({ mimeType: 'boefje/nmap' });
    expect(fieldError({ code: 'BAD_REQUEST', message: 'mimeType: "x" is not a mime type', details: { field: 'mimeType' } })).toMatchObject({ field: 'mimeType', message: '"x" is not a mime type' });
  });

  it('updates only what changed', () => {
    expect(changedFields(draftFrom(saved), saved)).toEqual({});
    expect(changedFields({ ...draftFrom(saved), plugins: "id = 'nmap'", runOn: '' }, saved)).toEqual({ plugins: "id = 'nmap'", runOn: null, operations: [] });
  });

  it('places a filter error on its field, the column turned into line and column', () => {
    const text = 'Hostname: scan_level > 0;\nIPAddress: scan_level >>';
    const err = fieldError({ code: 'INVALID_QUERY', message: 'bad', details: { field: 'input', column: 50 } }, () => text);
    expect(err).toMatchObject({ field: 'input', line: 2, column: 24 });
    expect(lineAndColumn('abc', 2)).toEqual({ line: 1, column: 2 });
  });

  it('reads payload validation paths and keeps a recurrence line', () => {
    expect(fieldError({ code: 'BAD_REQUEST', message: 'x', details: { field: 'draft.name' } }).field).toBe('name');
    expect(fieldError({ code: 'BAD_REQUEST', message: 'x', details: { field: 'operations.0' } }).field).toBe('runOn');
    expect(fieldError({ code: 'BAD_REQUEST', message: 'x', details: { field: 'recurrence', line: 2, column: 7 } })).toMatchObject({ line: 2, column: 7 });
    expect(fieldError({ code: 'INTERNAL', message: 'x' }).field).toBeNull();
  });
});

describe('queue throughput', () => {
  it('counts the completions of the last minute only', () => {
    const now = 1_000_000;
    expect(completedLastMinute({ queued: 0, running: 0, completedAt: [now - 1000, now - 59_000, now - 61_000] }, now)).toBe(2);
    expect(completedLastMinute(null, now)).toBe(0);
  });
});
