/** UTC calendar arithmetic on epoch milliseconds: day numbers, week days, months. Pure. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** One Gregorian cycle: dates and week days repeat exactly every 400 years (146097 days). */
export const CYCLE_DAYS = 146_097;

/** days since 1970-01-01 (floor, so negative before 1970) */
export const dayNumber = (ms: number): number => Math.floor(ms / DAY_MS);

/** 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday) */
export const weekdayOfDay = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** epoch day number of the first day of a month index (year * 12 + 0-based month) */
export const firstDayOfMonth = (month: number): number =>
  dayNumber(Date.UTC(Math.floor(month / 12), ((month % 12) + 12) % 12, 1));

export const mod = (a: number, m: number): number => ((a % m) + m) % m;

/**
 * The month of an epoch day, remembered: walking day by day builds one Date per month, not per day.
 * Mutable and local to one search.
 */
export class MonthOf {
  /** epoch day of the 1st */
  first = 0;
  days = 0;
  /** year * 12 + 0-based month */
  index = 0;

  at(day: number): this {
    if (day >= this.first && day < this.first + this.days) return this;
    const d = new Date(day * DAY_MS);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth();
    this.first = day - d.getUTCDate() + 1;
    this.days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    this.index = year * 12 + month;
    return this;
  }
}
