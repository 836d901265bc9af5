/**
 * The finding-type catalogue: what Kattegat knows about each kind of finding (name, description,
 * impact, recommendation, severity and score), from two bundled files written for this project:
 *
 *   plugins/finding-types/kat.json  our own checks (KAT-...), with a severity per entry
 *   plugins/finding-types/cve.json  published vulnerabilities (CVE-...), with their CVSS base score
 *
 * Both are imported statically so the main-process bundle carries them. They are validated once,
 * on first use: a broken catalogue is a build mistake and fails with PLUGIN_MANIFEST_INVALID naming
 * the file and the field, never with half a catalogue. Pure apart from that one-time parse.
 */
import { z } from 'zod';
import { AppError } from '../common/errors';
import { normalizeObject } from '../graph/model';
import katFile from '../../plugins/finding-types/kat.json';
import cveFile from '../../plugins/finding-types/cve.json';

/** Every severity, lowest first. `unknown`: no basis to judge; `pending`: not yet looked up. */
export const SEVERITIES = ['unknown', 'pending', 'recommendation', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Position in SEVERITIES (higher is worse); anything that is not a severity ranks as 'unknown'. */
export function severityRank(s: unknown): number {
  const i = SEVERITIES.indexOf(s as Severity);
  return i < 0 ? 0 : i;
}

export function isSeverity(s: unknown): s is Severity {
  return SEVERITIES.includes(s as Severity);
}

/** The severities a catalogue entry may state (unknown and pending are states, not judgements). */
export const CATALOGUE_RISKS = ['critical', 'high', 'medium', 'low', 'recommendation'] as const;
export type CatalogueRisk = (typeof CATALOGUE_RISKS)[number];

const SCORES: Record<Severity, number> = { critical: 10, high: 8.9, medium: 6.9, low: 3.9, recommendation: 0, pending: 0, unknown: 0 };

/** The risk score a severity stands for: the top of its CVSS band (critical 10 ... low 3.9); 0 for the rest. */
export function scoreForSeverity(s: Severity): number {
  return SCORES[s];
}

/**
 * The severity of a CVSS base score, by the CVSS v3 bands: 9.0+ critical, 7.0+ high, 4.0+ medium,
 * 0.1+ low. A score of 0.0 (CVSS "none") is a 'recommendation': no direct risk. No score, or a
 * number outside 0..10, is 'unknown'.
 */
export function severityForCvss(score: number | null | undefined): Severity {
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 10) return 'unknown';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score >= 0.1) return 'low';
  return 'recommendation';
}

const Text = (max: number) => z.string().trim().min(1).max(max);
const Url = z.string().url().max(500).refine((u) => /^https:\/\//.test(u), 'must be an https:// address');
const Version = z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like 1.0.0');

const KatEntry = z
  .object({
    name: Text(200),
    description: Text(2000),
    impact: Text(2000),
    recommendation: Text(2000),
    risk: z.enum(CATALOGUE_RISKS),
    source: Url.optional(),
  })
  .strict();

const CVSS_VECTORS: Record<string, RegExp> = {
  '2.0': /^AV:[LAN]\/AC:[HML]\/Au:[MSN]\/C:[NPC]\/I:[NPC]\/A:[NPC]$/,
  '3.0': /^CVSS:3\.0\/AV:[NALP]\/AC:[LH]\/PR:[NLH]\/UI:[NR]\/S:[UC]\/C:[NLH]\/I:[NLH]\/A:[NLH]$/,
  '3.1': /^CVSS:3\.1\/AV:[NALP]\/AC:[LH]\/PR:[NLH]\/UI:[NR]\/S:[UC]\/C:[NLH]\/I:[NLH]\/A:[NLH]$/,
  '4.0': /^CVSS:4\.0\/AV:[NALP]\/AC:[LH]\/AT:[NP]\/PR:[NLH]\/UI:[NPA]\/VC:[HLN]\/VI:[HLN]\/VA:[HLN]\/SC:[HLN]\/SI:[HLN]\/SA:[HLN](\/.+)?$/,
};

const Cvss = z
  .object({
    version: z.enum(['2.0', '3.0', '3.1', '4.0']),
    score: z.number().min(0).max(10).refine((n) => Math.round(n * 10) === n * 10, 'has one decimal at most'),
    vector: z.string().max(300),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!CVSS_VECTORS[c.version]!.test(c.vector)) ctx.addIssue({ code: 'custom', path: ['vector'], message: `is not a CVSS ${c.version} base vector` });
  });

const CveEntry = z
  .object({
    name: Text(200),
    description: Text(4000),
    impact: Text(2000).optional(),
    recommendation: Text(2000),
    cvss: Cvss.optional(),
  })
  .strict();

const KatFile = z.object({ version: Version, types: z.record(z.string().regex(/^KAT-[A-Z0-9]+(-[A-Z0-9]+)*$/, 'an id like KAT-NO-HSTS'), KatEntry) }).strict();
const CveFile = z.object({ version: Version, types: z.record(z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'an id like CVE-2021-41773'), CveEntry) }).strict();

export type FindingTypeKind = 'KATFindingType' | 'CVEFindingType';

export interface CatalogueEntry {
  type: FindingTypeKind;
  /** the finding type's primary key, e.g. 'KATFindingType|KAT-NO-HSTS' */
  pk: string;
  /** the attributes to write on the FindingType object (already valid for the model) */
  data: Readonly<Record<string, unknown>>;
}

export interface Catalogue {
  versions: { kat: string; cve: string };
  entries: ReadonlyMap<string, CatalogueEntry>;
}

function invalid(file: string, issue: z.core.$ZodIssue | { path: PropertyKey[]; message: string }): AppError {
  const field = issue.path.map(String).join('.');
  return new AppError('PLUGIN_MANIFEST_INVALID', `${file}: ${field ? `"${field}": ` : ''}${issue.message}`, { file, field });
}

function parse<T>(file: string, schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw invalid(file, r.error.issues[0]!);
  return r.data;
}

/** Checks the entry against the model too: what the catalogue writes must be a valid FindingType. */
function entry(file: string, type: FindingTypeKind, id: string, data: Record<string, unknown>): CatalogueEntry {
  const defined = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  try {
    const o = normalizeObject(type, defined);
    return { type, pk: o.pk, data: Object.freeze({ ...o.data }) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw invalid(file, { path: ['types', id], message: `is not a valid ${type}: ${message}` });
  }
}

export const KAT_FILE = 'plugins/finding-types/kat.json';
export const CVE_FILE = 'plugins/finding-types/cve.json';

/** Validates both catalogue files and builds the lookup; throws PLUGIN_MANIFEST_INVALID on the first problem. */
export function buildCatalogue(katRaw: unknown, cveRaw: unknown): Catalogue {
  const kat = parse(KAT_FILE, KatFile, katRaw);
  const cve = parse(CVE_FILE, CveFile, cveRaw);
  const entries = new Map<string, CatalogueEntry>();
  for (const [id, t] of Object.entries(kat.types)) {
    const e = entry(KAT_FILE, 'KATFindingType', id, {
      id,
      name: t.name,
      description: t.description,
      source: t.source,
      impact: t.impact,
      recommendation: t.recommendation,
      risk_severity: t.risk,
      risk_score: scoreForSeverity(t.risk),
    });
    entries.set(e.pk, e);
  }
  for (const [id, t] of Object.entries(cve.types)) {
    const e = entry(CVE_FILE, 'CVEFindingType', id, {
      id,
      name: t.name,
      description: t.description,
      source: `https://nvd.nist.gov/vuln/detail/${id}`,
      impact: t.impact,
      recommendation: t.recommendation,
      risk_severity: severityForCvss(t.cvss?.score),
      risk_score: t.cvss?.score,
    });
    entries.set(e.pk, e);
  }
  return { versions: { kat: kat.version, cve: cve.version }, entries };
}

let bundled: Catalogue | undefined;

/** The bundled catalogue, validated on first use. */
export function catalogue(): Catalogue {
  bundled ??= buildCatalogue(katFile, cveFile);
  return bundled;
}

/** Catalogue primary keys are canonical; CVE ids are upper-cased by the model, so a lower-case CVE key is accepted too. */
function canonicalPk(findingTypePk: string): string {
  const bar = findingTypePk.indexOf('|');
  if (bar < 0) return findingTypePk;
  const type = findingTypePk.slice(0, bar);
  return type === 'CVEFindingType' ? `${type}|${findingTypePk.slice(bar + 1).toUpperCase()}` : findingTypePk;
}

/**
 * What to write on the FindingType `findingTypePk` (e.g. 'KATFindingType|KAT-NO-HSTS'): id, name,
 * description, source, impact, recommendation, risk_severity, risk_score (absent fields left out).
 * null when the catalogue does not know the finding type.
 */
export function findingTypeMetadata(findingTypePk: string): Record<string, unknown> | null {
  if (typeof findingTypePk !== 'string') return null;
  const e = catalogue().entries.get(canonicalPk(findingTypePk));
  return e ? { ...e.data } : null;
}

export function catalogueVersions(): { kat: string; cve: string } {
  return { ...catalogue().versions };
}

/** Every known finding type, sorted by primary key. */
export function listFindingTypes(): CatalogueEntry[] {
  return [...catalogue().entries.values()].sort((a, b) => (a.pk < b.pk ? -1 : a.pk > b.pk ? 1 : 0));
}
