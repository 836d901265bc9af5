import { z } from 'zod';

/** Shared pieces of request schemas. */
export const OrgCode = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lowercase letters, digits, "-" and "_", starting with a letter or digit');
export const Pk = z.string().min(3).max(4096).describe('an object primary key, e.g. Hostname|internet|example.org');
export const TypeName = z.string().min(1).max(100);
export const Timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time');
export const AsOf = z
  .object({
    validTime: Timestamp.optional().describe('the world as it was at this valid time (default: now)'),
    txTime: Timestamp.optional().describe('as known at this transaction time (default: now)'),
  })
  .strict();
export const OriginKind = z.enum(['declaration', 'observation', 'inference', 'affirmation']);
export const ObjectInput = z
  .object({
    type: TypeName,
    data: z.record(z.string(), z.unknown()),
  })
  .strict();
export const Json = z.json();
