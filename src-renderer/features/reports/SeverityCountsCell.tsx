import type { SeverityCounts } from '../../../src-main/reports/types';
import { severityLabel } from '../../components/SeverityBadge';
import { SEVERITIES_DESC, SEVERITY_SHORT, totalFindings } from './report-format';

/** A report's finding counts as small coloured pills (only the severities it has), or "none". */
export function SeverityCountsCell({ counts }: { counts: SeverityCounts | null | undefined }) {
  const total = totalFindings(counts);
  if (!counts || total === 0) return <span className="muted">no findings</span>;
  const label = SEVERITIES_DESC.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${severityLabel(s).toLowerCase()}`)
    .join(', ');
  return (
    <span className="sev-counts" aria-label={`Findings: ${label}`} title={label}>
      {SEVERITIES_DESC.filter((s) => counts[s] > 0).map((s) => (
        <span key={s} className={`sev-count sev-count-${s}`}>
          <span className="sev-count-n">{counts[s].toLocaleString()}</span>
          <span className="sev-count-s" aria-hidden="true">
            {SEVERITY_SHORT[s]}
          </span>
        </span>
      ))}
    </span>
  );
}
