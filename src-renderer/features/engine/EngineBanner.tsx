import { Banner } from '../../components/Banner';
import { useStore } from '../../stores/store';

/** Shown while no container engine is reachable: scanning is off, everything else works. */
export function EngineBanner() {
  const engine = useStore((s) => s.engine);
  const error = useStore((s) => s.engineError);
  const checking = useStore((s) => s.engineChecking);
  const check = useStore((s) => s.checkEngine);
  if (!error && (!engine || engine.available)) return null;
  const retry = (
    <button type="button" className="button small" disabled={checking} onClick={() => void check(true)}>
      {checking ? 'Checking…' : 'Retry'}
    </button>
  );
  if (error) {
    return (
      <Banner tone="warning" title="Scanning status unknown" actions={retry}>
        <span className="error-code">{error.code}</span> {error.message}
      </Banner>
    );
  }
  if (!engine || engine.available) return null;
  return (
    <Banner tone="warning" title="Scanning is disabled: no container engine" actions={retry}>
      <details className="banner-details">
        <summary>
          <span className="banner-reason" title={engine.reason}>
            {engine.reason}
          </span>{' '}
          <span className="banner-more">How to start one</span>
        </summary>
        <div className="banner-hint">{engine.hint}</div>
        {engine.tried.length > 0 && (
          <div className="muted small">
            Tried: <span className="mono">{engine.tried.join(', ')}</span>
          </div>
        )}
      </details>
    </Banner>
  );
}
