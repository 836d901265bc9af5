/** Finding types, findings and mutes. */
import { date, full, key, num, oneOf, ref, req, str, type TypeSpec } from './dsl.js';

export const RISK_SEVERITIES = ['critical', 'high', 'medium', 'low', 'recommendation', 'pending', 'unknown'] as const;

/**
 * Finding-type ids carry their catalogue in a prefix. Requiring it makes the subtype of a bare id
 * (as it appears inside a Finding key) unambiguous; KAT takes every id no other catalogue claims.
 */
const PREFIXES: Record<string, string> = {
  CVEFindingType: 'CVE-',
  CWEFindingType: 'CWE-',
  CAPECFindingType: 'CAPEC-',
  SnykFindingType: 'SNYK-',
  RetireJSFindingType: 'RETIREJS-',
  ADRFindingType: 'API-',
};
const OTHERS = Object.values(PREFIXES).map((p) => p.slice(0, -1));

function id(type: string, uppercase: boolean) {
  const prefix = PREFIXES[type];
  return str('id', {
    required: true,
    uppercase,
    pattern: prefix ? `^${prefix}` : `^(?!(${OTHERS.join('|')})-)`,
    patternDescription: prefix
      ? `must start with ${prefix}`
      : `must not start with a prefix of another catalogue (${OTHERS.map((o) => o + '-').join(', ')})`,
  });
}

function findingType(name: string, uppercase: boolean, description: string): TypeSpec {
  return { name, parent: 'FindingType', fields: [id(name, uppercase)], description };
}

export const findingTypes: TypeSpec[] = [
  {
    name: 'FindingType',
    abstract: true,
    fields: [
      str('id', req),
      str('name'),
      str('description'),
      str('source', { description: 'URL of the catalogue entry' }),
      str('impact'),
      str('recommendation'),
      num('risk_score', { min: 0, max: 10 }),
      oneOf('risk_severity', RISK_SEVERITIES),
    ],
    key: key('id'),
    nonTraversable: true,
    description: 'A kind of problem, with the metadata shared by all its occurrences.',
  },
  findingType('KATFindingType', false, "A problem kind from Kattegat's own catalogue (KAT-...)."),
  findingType('CVEFindingType', true, 'A published vulnerability (CVE-...).'),
  findingType('CWEFindingType', true, 'A weakness class from the CWE list (CWE-...).'),
  findingType('CAPECFindingType', true, 'An attack pattern from the CAPEC list (CAPEC-...).'),
  findingType('RetireJSFindingType', false, 'A vulnerable JavaScript library reported by RetireJS (RetireJS-...).'),
  findingType('SnykFindingType', true, 'A vulnerability from the Snyk database (SNYK-...).'),
  findingType('ADRFindingType', false, 'A violated API design rule (API-...).'),
  {
    name: 'Finding',
    fields: [
      ref('ooi', 'OOI', 'findings', [null, null], req),
      ref('finding_type', 'FindingType', 'instances', [null, null], req),
      str('proof'),
      str('description'),
      str('reproduce'),
    ],
    key: key(full('ooi'), 'finding_type'),
    description: 'One occurrence of a finding type on one object.',
  },
  {
    name: 'MutedFinding',
    fields: [
      ref('finding', 'Finding', 'mutes', [null, null], req),
      str('reason'),
      date('expires_at', { description: 'when the mute lifts by itself (absent: until unmuted)' }),
    ],
    key: key('finding'),
    description: 'A decision to hide a finding, with the reason and an optional expiry.',
  },
];
