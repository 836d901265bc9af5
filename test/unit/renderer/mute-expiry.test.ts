import { describe, expect, it } from 'vitest';
import { expiryFromDate } from '../../../src-renderer/features/findings/mute-expiry';

describe('the expiry of a mute from a date input', () => {
  const now = new Date(2026, 2, 1, 10, 0, 0); // local time, as the date input is
  it('is none for an empty field', () => expect(expiryFromDate('  ', now)).toEqual({ iso: null }));
  it('is the start of that day, local time', () => expect(expiryFromDate('2026-03-02', now)).toEqual({ iso: new Date(2026, 2, 2).toISOString() }));
  it('refuses today and the past, malformed text and impossible dates', () => {
    expect(expiryFromDate('2026-03-01', now)).toEqual({ error: 'The expiry must be in the future' });
    expect(expiryFromDate('2025-12-31', now)).toMatchObject({ error: expect.any(String) });
    expect(expiryFromDate('next week', now)).toEqual({ error: 'Give a date as YYYY-MM-DD' });
    expect(expiryFromDate('2026-02-30', now)).toEqual({ error: 'Not a date in the calendar' });
  });
});
