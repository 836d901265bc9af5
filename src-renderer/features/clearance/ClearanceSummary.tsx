import { formatDate } from '../../components/format';
import { useStore } from '../../stores/store';

/** The current organisation's clearance in the left bar; opens the clearance dialog. */
export function ClearanceSummary() {
  const org = useStore((s) => s.currentOrg);
  const clearance = useStore((s) => s.clearance);
  const error = useStore((s) => s.clearanceError);
  const openDialog = useStore((s) => s.openDialog);
  if (!org) return null;
  const level = clearance?.maxLevel ?? null;
  const title = error
    ? `${error.code}: ${error.message}`
    : level === null
      ? 'No clearance acknowledged yet: nothing above L0 can be declared'
      : `Acknowledged up to L${level} by ${clearance?.acknowledgedBy ?? '?'} on ${formatDate(clearance?.acknowledgedAt)}`;
  return (
    <button type="button" className={`clearance-summary${level === null ? ' none' : ''}`} title={title} onClick={() => openDialog({ kind: 'clearance' })}>
      <span className="clearance-summary-label">Clearance</span>
      <span className="clearance-summary-value">{error ? 'unknown' : level === null ? 'not acknowledged' : `up to L${level}`}</span>
    </button>
  );
}
