import { useEffect, useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { formatRelative } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { deleteView, loadViews, openView, saveView } from './actions';

/** Saved views of the organisation: save the current one, open or delete one. */
export function ViewsPanel() {
  const views = useStore((s) => s.explorerViews);
  const status = useStore((s) => s.explorerViewsStatus);
  const error = useStore((s) => s.explorerViewsError);
  const current = useStore((s) => s.explorerCurrentView);
  const start = useStore((s) => s.explorerStart);
  const org = useStore((s) => s.currentOrg);
  const [name, setName] = useState(current?.name ?? '');
  const [saveError, setSaveError] = useState<ErrorInfo | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  useEffect(() => void loadViews(), [org]);
  useEffect(() => setName(current?.name ?? ''), [current?.name]);

  const save = async (asNew: boolean) => {
    setSaveError(await saveView(name.trim(), asNew ? undefined : current?.id));
  };

  return (
    <div className="views-panel">
      <form
        aria-label="Save view"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void save(!current || current.name !== name.trim());
        }}
      >
        <label className="form-field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. example.org web surface" aria-label="View name" maxLength={200} />
        </label>
        <div className="node-actions">
          <button type="submit" className="button small primary" disabled={!name.trim() || start.length === 0} title={start.length === 0 ? 'Open a graph first' : 'Start objects, filters, layout, positions and as-of time'}>
            {current && current.name === name.trim() ? 'Update view' : 'Save view'}
          </button>
          {current && current.name === name.trim() && (
            <button type="button" className="button small" onClick={() => void save(true)} disabled={start.length === 0}>
              Save as new
            </button>
          )}
        </div>
        <ErrorBox error={saveError} compact />
      </form>
      <h3 className="views-head">Saved views</h3>
      {status === 'loading' && views.length === 0 && <Spinner label="Loading views" />}
      {status === 'error' && <ErrorBox error={error} onRetry={() => void loadViews()} compact />}
      {status === 'ready' && views.length === 0 && <div className="muted">No saved views yet. Open a graph, arrange it, and save it here.</div>}
      <ul className="views-list" aria-label="Saved views">
        {views.map((v) => (
          <li key={v.id} className={`view-item${current?.id === v.id ? ' current' : ''}`}>
            <button type="button" className="link-button view-open" onClick={() => void openView(v.id)} aria-label={`Open view ${v.name}`}>
              {v.name}
            </button>
            <span className="muted small">
              {v.state.start.length} start · {formatRelative(v.updatedAt)}
            </span>
            {confirm === v.id ? (
              <>
                <button type="button" className="button small danger" onClick={() => void deleteView(v.id).then(() => setConfirm(null))}>
                  Delete
                </button>
                <button type="button" className="button small ghost" onClick={() => setConfirm(null)}>
                  Keep
                </button>
              </>
            ) : (
              <button type="button" className="icon-button subtle" aria-label={`Delete view ${v.name}`} title="Delete" onClick={() => setConfirm(v.id)}>
                <Icon name="trash" />
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
