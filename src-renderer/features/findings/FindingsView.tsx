import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { Spinner } from '../../components/Spinner';
import { isFindingsFilterSet, NO_FINDINGS_FILTER } from '../../stores/findings-slice';
import { useStore } from '../../stores/store';
import { FindingsTable } from './FindingsTable';
import { FindingsToolbar } from './FindingsToolbar';
import { SeverityBar } from './SeverityBar';

/** Every finding of the organisation: counts by severity, filters, grouped or flat, bulk mute. */
export function FindingsView() {
  const status = useStore((s) => s.findingsStatus);
  const error = useStore((s) => s.findingsError);
  const q = useStore((s) => s.findingsQuery);
  const rows = useStore((s) => s.findings);
  const groups = useStore((s) => s.findingGroups);
  const counts = useStore((s) => s.findingCounts);
  const load = useStore((s) => s.loadFindings);
  const setQuery = useStore((s) => s.setFindingsQuery);
  const setView = useStore((s) => s.setView);
  const filtered = isFindingsFilterSet(q);
  const empty = q.grouped ? groups.length === 0 : rows.length === 0;
  const toggleSeverity = (s: (typeof q.severities)[number]) =>
    setQuery({ severities: q.severities.includes(s) ? q.severities.filter((x) => x !== s) : [...q.severities, s] });

  return (
    <section className="findings-view" aria-label="Findings">
      <header className="view-header">
        <div className="view-title">
          <h1>Findings</h1>
          <span className="muted">problems the bits inferred from scan results</span>
        </div>
        <kbd className="view-keys muted" title="j/k move · Enter opens · x selects · m mutes · u unmutes">
          j k ↵ x m u
        </kbd>
      </header>
      <SeverityBar counts={counts} selected={q.severities} onToggle={toggleSeverity} />
      <FindingsToolbar />
      <div className="list-body">
        {status === 'error' && <ErrorBox error={error} onRetry={() => void load()} />}
        {(status === 'loading' || status === 'idle') && empty && (
          <div className="table-message">
            <Spinner label="Loading findings" />
          </div>
        )}
        {status === 'ready' && empty && !filtered && (
          <EmptyState
            icon="⚑"
            title="No findings yet"
            actions={
              <>
                <button type="button" className="button" onClick={() => setView('plugins')}>
                  Enable boefjes
                </button>
                <button type="button" className="button" onClick={() => setView('objects')}>
                  Go to objects
                </button>
              </>
            }
          >
            Findings appear when bits infer them from scan results: enable boefjes, give your objects a scan level and scan them. Each finding
            then shows here with its severity, and you can mute the ones you accept. (Muted findings are hidden: choose “Muted only” to see
            them.)
          </EmptyState>
        )}
        {status === 'ready' && empty && filtered && (
          <EmptyState
            title="No matching findings"
            actions={
              <button type="button" className="button" onClick={() => setQuery({ ...NO_FINDINGS_FILTER })}>
                Clear filters
              </button>
            }
          />
        )}
        {!empty && <FindingsTable grouped={q.grouped} rows={rows} groups={groups} />}
      </div>
    </section>
  );
}
