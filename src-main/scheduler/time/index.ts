/** The scheduler's pure time logic: recurrences (RFC 5545 RRULE subset, UTC) and due times / priorities. */
export { FREQUENCIES, LIMITS, WEEKDAYS, type ByDay, type Frequency, type Recurrence, type Weekday } from './types.js';
export { PRESETS, formatRecurrence, parseRecurrence, type ParseOptions } from './parse.js';
export { nextOccurrence, occurrencesBetween } from './evaluate.js';
export { describeRecurrence, type DescribeOptions } from './describe.js';
export {
  DEFAULT_GRACE_MS,
  MAX_JITTER_MS,
  PRIORITY,
  STALE_AFTER_MS,
  gracePeriodMs,
  hashKey,
  isWithinGrace,
  jitterMs,
  nextDeadline,
  priorityFor,
  type DeadlineInput,
  type PriorityInput,
} from './due.js';
