import { z } from 'zod';
import type { ErrorPayload } from '../../common/errors';
import { OrgCode } from '../schemas';

const BitId = z.string().min(1).max(64);

/** Bits (inference rules): what they inferred, where they failed, and a full re-run. */
export const bitsContract = {
  'bits.status': {
    input: z.object({ org: OrgCode }).strict(),
    doc: 'Every bit with its enabled state, how many sources it currently infers something for, its failures, and the last full run.',
  },
  'bits.failures': {
    input: z
      .object({ org: OrgCode, bitId: BitId.optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) })
      .strict(),
    doc: 'Runs of a bit that failed (the bit threw or returned invalid objects), newest first. Only that run failed; other bits went on.',
  },
  'bits.run': {
    input: z.object({ org: OrgCode, bitIds: z.array(BitId).min(1).max(100).optional() }).strict(),
    doc: 'Re-runs every bit (or the given ones) over the whole organisation; writes only what changed. Returns when inference has settled.',
  },
} as const;

export interface BitStatus {
  id: string;
  name: string;
  description: string;
  consumes: string;
  scanLevel: number;
  enabled: boolean;
  /** sources the bit currently infers at least one object for */
  activeSources: number;
  failures: number;
}

export interface BitFailure {
  bitId: string;
  source: string;
  error: ErrorPayload;
  failedAt: string;
}

export interface BitFullRun {
  id: string;
  bits: string[];
  startedAt: string;
  finishedAt: string | null;
  sources: number;
  changed: number;
  failed: number;
}

export interface BitsResults {
  'bits.status': { bits: BitStatus[]; lastFullRun: BitFullRun | null };
  'bits.failures': { items: BitFailure[]; total: number };
  'bits.run': { bits: number; sources: number; changed: number; failed: number; ms: number };
}
