import type { PluginSummary } from '../../../src-main/api/contracts/plugins';
import { Toggle } from '../../components/Toggle';

interface Props {
  plugin: PluginSummary;
  open: boolean;
  busy: boolean;
  onOpen(): void;
  onToggle(enabled: boolean): void;
}

function Flow({ from, to }: { from: readonly string[]; to: readonly string[] }) {
  if (from.length === 0 && to.length === 0) return <span className="muted">—</span>;
  const list = (xs: readonly string[]) => (xs.length > 2 ? `${xs.slice(0, 2).join(', ')} +${xs.length - 2}` : xs.join(', ') || '—');
  return (
    <span className="plugin-flow mono" title={`consumes ${from.join(', ')}\nproduces ${to.join(', ')}`}>
      {list(from)} <span className="muted">→</span> {list(to)}
    </span>
  );
}

/** One plugin in the catalogue: enable switch, name, kind, level, consumes → produces, problems. */
export function PluginRow({ plugin: p, open, busy, onOpen, onToggle }: Props) {
  return (
    <div
      className={`plugin-row${open ? ' open' : ''}${p.broken ? ' broken' : ''}`}
      role="row"
      tabIndex={0}
      aria-label={`${p.name} (${p.kind})`}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen();
      }}
    >
      <div role="gridcell" className="plugin-cell-toggle">
        <Toggle checked={p.enabled} label={`Enable ${p.name}`} disabled={p.broken} busy={busy} onChange={onToggle} />
      </div>
      <div role="gridcell" className="plugin-cell-name">
        <span className="plugin-name">{p.name}</span>
        <span className="plugin-id mono">{p.id}</span>
      </div>
      <div role="gridcell">
        <span className={`kind-chip kind-${p.kind}`}>{p.kind}</span>
      </div>
      <div role="gridcell">
        {p.scanLevel !== null ? (
          <span className={`level-badge level-${p.scanLevel} level-declared`} title={`needs objects at L${p.scanLevel} or higher`}>
            L{p.scanLevel}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </div>
      <div role="gridcell" className="plugin-cell-flow">
        <Flow from={p.consumes} to={p.produces} />
      </div>
      <div role="gridcell" className="plugin-cell-state">
        {p.broken ? (
          <span className="broken-chip" title={p.errors.map((e) => `${e.code}: ${e.message}`).join('\n')}>
            broken
          </span>
        ) : p.missingSettings.length > 0 ? (
          <span className="warn-chip" title={`required settings not set: ${p.missingSettings.join(', ')}`}>
            needs settings
          </span>
        ) : null}
      </div>
      {p.broken && (
        <div className="plugin-errors" role="gridcell">
          {p.errors.map((e, i) => (
            <div key={i} className="plugin-error">
              <span className="error-code">{e.code}</span> {e.message}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
