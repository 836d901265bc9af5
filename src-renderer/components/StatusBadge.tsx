const LABEL: Record<string, string> = {
  queued: 'Queued',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** A task status as a coloured dot and word (running pulses). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`status-badge status-${status}`}>
      <span className="status-badge-dot" aria-hidden="true" />
      {LABEL[status] ?? status}
    </span>
  );
}
