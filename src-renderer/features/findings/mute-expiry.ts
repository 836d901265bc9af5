/**
 * The expiry of a mute from a date input (YYYY-MM-DD): the mute lifts at the start of that day,
 * local time. Returns the ISO instant, null for no expiry, or an error text.
 */
export function expiryFromDate(value: string, now: Date): { iso: string | null } | { error: string } {
  if (value.trim() === '') return { iso: null };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return { error: 'Give a date as YYYY-MM-DD' };
  const at = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(at.getTime()) || at.getDate() !== Number(m[3])) return { error: 'Not a date in the calendar' };
  if (at.getTime() <= now.getTime()) return { error: 'The expiry must be in the future' };
  return { iso: at.toISOString() };
}
