import type { Severity } from '../../src-main/api/contracts/findings';

const LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  recommendation: 'Recommendation',
  pending: 'Pending',
  unknown: 'Unknown',
};

export function severityLabel(s: Severity): string {
  return LABELS[s];
}

/** A finding's severity as a coloured badge; the score, when known, in its title. */
export function SeverityBadge({ severity, score }: { severity: Severity; score?: number | null }) {
  return (
    <span className={`severity severity-${severity}`} title={score !== null && score !== undefined ? `${LABELS[severity]} (score ${score})` : LABELS[severity]}>
      {LABELS[severity]}
    </span>
  );
}
