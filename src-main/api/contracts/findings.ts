import { z } from 'zod';
import { OrgCode, Pk, Timestamp, TypeName } from '../schemas';
import type { ObjectDetail, OriginKind } from '../types';

/** Severity, lowest first. A finding takes its finding type's risk_severity; none set means pending. */
export const SEVERITIES = ['unknown', 'pending', 'recommendation', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

const FindingPk = Pk.refine((pk) => pk.startsWith('Finding|'), { message: 'must be the key of a Finding (Finding|...)' });
const FindingTypeRef = z.string().min(1).max(300).describe('a finding type id (KAT-NO-HSTS) or key (KATFindingType|KAT-NO-HSTS)');

/** The filters findings.list and findings.counts share. */
const Filters = {
  org: OrgCode,
  severities: z.array(z.enum(SEVERITIES)).max(SEVERITIES.length).optional().describe('only these severities'),
  findingTypes: z.array(FindingTypeRef).max(500).optional().describe('only these finding types'),
  objectTypes: z.array(TypeName).max(100).optional().describe('only findings on objects of these types (abstract types include subtypes)'),
  muted: z
    .enum(['hide', 'only', 'all'])
    .default('hide')
    .describe("'hide': unmuted findings only (a mute past its expiry no longer counts); 'only': muted ones; 'all': both"),
  search: z.string().max(200).optional().describe('case-insensitive text in the finding key, its description, or the finding type id or name'),
  ooi: Pk.optional().describe(
    'findings on this object and on its related objects (see RELATED_EDGES in src-main/findings/related.ts): for a hostname its DNS records, resolved IPs, their ports, services, websites, HTTP resources and headers, certificates and URLs',
  ),
};

export const findingsContract = {
  'findings.list': {
    input: z
      .object({
        ...Filters,
        groupBy: z.enum(['findingType']).optional().describe('one row per finding type, with its count and first affected objects'),
        sort: z.enum(['severity', 'findingType', 'object', 'pk']).default('severity').describe("'severity': most severe first, then score, type and object"),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(1000).default(100).describe('rows, or groups when grouped'),
        groupObjectsLimit: z.number().int().min(0).max(1000).default(20).describe('grouped: affected objects listed per group (the rest: list flat with findingTypes)'),
      })
      .strict(),
    doc: 'Findings with their type, severity, object and mute state; filters, search, related objects, paging; or grouped by finding type.',
  },
  'findings.counts': {
    input: z.object(Filters).strict(),
    doc: 'How many findings of each severity match the filters (all seven severities, zero included).',
  },
  'findings.get': {
    input: z.object({ org: OrgCode, pk: FindingPk }).strict(),
    doc: "One finding: its type's description, impact, recommendation and source, the object with its neighbourhood, the mute state.",
  },
  'findings.mute': {
    input: z
      .object({
        org: OrgCode,
        pks: z.array(FindingPk).min(1).max(1000),
        reason: z.string().trim().min(1, 'a reason is required').max(2000),
        expiresAt: Timestamp.optional().describe('when the mute lifts by itself; must be in the future'),
        dryRun: z.boolean().default(false).describe('only report which findings would be hidden'),
      })
      .strict(),
    doc: 'Mutes findings (one declared MutedFinding each, in one batch: all or nothing). A muted finding is hidden from lists until unmuted or its expiry.',
  },
  'findings.unmute': {
    input: z.object({ org: OrgCode, pks: z.array(FindingPk).min(1).max(1000) }).strict(),
    doc: 'Lifts the mutes of findings (deletes their MutedFinding objects); findings that were not muted are left as they are.',
  },
  'objects.proof': {
    input: z
      .object({
        org: OrgCode,
        pk: Pk,
        maxDepth: z.number().int().min(1).max(20).default(8).describe('levels of origins followed below the object'),
      })
      .strict(),
    doc: 'Why an object exists: its origins and, recursively, what they rest on (bit inputs, the boefje task and raw file behind an observation) down to declarations.',
  },
} as const;

export interface FindingTypeSummary {
  pk: string;
  id: string;
  name: string | null;
  severity: Severity;
  score: number | null;
}

export interface MuteState {
  reason: string | null;
  /** ISO date-time, or null: until unmuted */
  expiresAt: string | null;
}

export interface FindingRow {
  pk: string;
  findingType: FindingTypeSummary;
  ooi: { pk: string; type: string };
  description: string | null;
  /** null when not muted (a mute past its expiry counts as not muted) */
  muted: MuteState | null;
  validFrom: string;
}

export interface FindingGroup {
  findingType: FindingTypeSummary;
  /** findings of this type matching the filters */
  count: number;
  /** the first groupObjectsLimit of them, by object key */
  findings: FindingRow[];
}

export interface FindingPage {
  /** flat: the rows of this page */
  items: FindingRow[];
  /** grouped: the groups of this page (most severe first) */
  groups?: FindingGroup[];
  /** matching findings, or matching finding types when grouped */
  total: number;
  offset: number;
}

export type SeverityCounts = Record<Severity, number>;

export interface FindingDetail {
  finding: FindingRow & { proof: string | null; reproduce: string | null };
  findingType: FindingTypeSummary & {
    description: string | null;
    impact: string | null;
    recommendation: string | null;
    source: string | null;
    /** false when the finding type object itself is missing (no metadata yet) */
    exists: boolean;
  };
  /** the object the finding is about, with its references both ways (null if it is gone) */
  object: ObjectDetail | null;
}

export interface MuteResult {
  /** the findings muted (or, with dryRun, that would be) */
  pks: string[];
  /** the findings among them that were visible and are now hidden */
  hidden: string[];
  created: string[];
  updated: string[];
  dryRun: boolean;
}

export interface UnmuteResult {
  /** the findings whose mute was lifted */
  pks: string[];
  deleted: string[];
}

// --- objects.proof ---

export interface ProofTask {
  id: string;
  kind: 'boefje' | 'normalizer';
  pluginId: string;
  status: string;
  inputPk: string | null;
  endedAt: string | null;
}

export interface ProofRawFile {
  id: string;
  sha256: string;
  size: number;
  mimeTypes: string[];
  source: 'boefje' | 'upload';
  /** the boefje task that produced it (null for an upload) */
  boefjeTask: ProofTask | null;
}

export interface ProofOrigin {
  id: string;
  kind: OriginKind;
  /** declaration: who/how; observation: the normalizer; inference: the bit; affirmation: who added the attributes */
  method: string;
  /** observation: the boefje */
  sourceMethod: string | null;
  validFrom: string;
  txFrom: string;
  /** false for affirmations: they add attributes but do not keep the object alive */
  keepsAlive: boolean;
  /**
   * the object the origin is about; null for a declaration of the object itself (a declaration of
   * another object that names this one in its key leads to that object), and for affirmations
   */
  source: ProofNode | null;
  /** inference: the other objects the bit read */
  parameters: ProofNode[];
  /** observation: the normalizer task (null if unknown or cleaned up; taskId then still names it) */
  taskId: string | null;
  task: ProofTask | null;
  /** observation: the raw file the normalizer parsed */
  rawFile: ProofRawFile | null;
}

export interface ProofNode {
  pk: string;
  type: string;
  /** false: the object is referenced by an origin but no longer exists */
  exists: boolean;
  /** explained elsewhere in this tree (a cycle or a shared input): its origins are not repeated */
  seen?: boolean;
  /** the depth limit stopped here: its origins were not followed */
  truncated?: boolean;
  origins: ProofOrigin[];
}

export interface ProofTree {
  root: ProofNode;
  /** some branch was cut by maxDepth */
  truncated: boolean;
  /** distinct objects in the tree */
  nodes: number;
}

export interface FindingsResults {
  'findings.list': FindingPage;
  'findings.counts': SeverityCounts;
  'findings.get': FindingDetail;
  'findings.mute': MuteResult;
  'findings.unmute': UnmuteResult;
  'objects.proof': ProofTree;
}
