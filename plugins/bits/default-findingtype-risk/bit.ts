/**
 * default-findingtype-risk: a finding type without a risk_severity is inferred to be the same
 * finding type with severity 'pending' and risk score 0. Once it has a severity (this default, or
 * the catalogue's, or a user's) the bit infers nothing, so running it on its own output converges.
 */
import { normalizeObject } from '../../../src-main/graph/model';
import type { BitFn } from '../../../src-main/bits/types';

export const defaultFindingtypeRisk: BitFn = ({ source }) => {
  const severity = source.data.risk_severity;
  if (severity !== undefined && severity !== null && severity !== '') return [];
  return [normalizeObject(source.type, { id: source.data.id, risk_severity: 'pending', risk_score: 0 })];
};
