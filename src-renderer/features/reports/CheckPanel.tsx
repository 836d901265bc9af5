import { useEffect, useState } from 'react';
import type { PluginWarning, ReportInputs, ReportType, ReportTypeInfo } from '../../../src-main/reports/types';
import { api, ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { PkLabel } from '../../components/PkLabel';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { canonicalInputs } from './report-format';

const CHECK_DEBOUNCE_MS = 250;

type CheckState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; objects: number; warnings: PluginWarning[] } | { status: 'error'; error: ErrorInfo };

/** reports.check on the draft as it changes: how many objects the inputs reach, and what plugins are missing. */
export function useReportCheck(org: string, type: ReportType | null, inputs: ReportInputs | null): CheckState {
  const [state, setState] = useState<CheckState>({ status: 'idle' });
  const key = type && inputs ? `${type}\n${canonicalInputs(inputs)}` : null;
  // enabling a plugin or a scan ending can clear a warning
  const revision = useStore((s) => `${s.pluginsRevision}:${s.tasksRevision}`);
  useEffect(() => {
    if (!key || !type || !inputs) {
      setState({ status: 'idle' });
      return;
    }
    let stale = false;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    const t = window.setTimeout(async () => {
      try {
        const res = await api().call('reports.check', { org, type, inputs });
        if (!stale) setState({ status: 'ready', objects: res.objects, warnings: res.warnings });
      } catch (e) {
        if (stale) return;
        const err = ApiError.from(e);
        setState({ status: 'error', error: { code: err.code, message: err.message, details: err.details } });
      }
    }, CHECK_DEBOUNCE_MS);
    return () => {
      stale = true;
      window.clearTimeout(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for type and inputs
  }, [org, key, revision]);
  return state;
}

/** What the check found: the objects reached, plugins disabled or not run on them (required ones first). */
export function CheckPanel({ check, info, recipe }: { check: CheckState; info: ReportTypeInfo | null; recipe: boolean }) {
  const showPlugin = useStore((s) => s.showPlugin);
  if (check.status === 'idle') return <div className="muted check-idle">Choose a type and inputs to see what the report will cover.</div>;
  if (check.status === 'error') return <ErrorBox error={check.error} compact />;
  if (check.status === 'loading') return <Spinner label="Checking inputs and plugins" />;
  const required = new Set(info?.plugins.filter((p) => p.required).map((p) => p.id) ?? []);
  const warnings = [...check.warnings].sort((a, b) => Number(required.has(b.plugin)) - Number(required.has(a.plugin)) || Number(b.problem === 'disabled') - Number(a.problem === 'disabled') || a.plugin.localeCompare(b.plugin));
  return (
    <div className="check-result" data-testid="report-check">
      <div className={`check-objects${check.objects === 0 ? ' none' : ''}`}>
        {check.objects > 0
          ? `Covers ${check.objects.toLocaleString()} ${check.objects === 1 ? 'object' : 'objects'}.`
          : recipe
            ? 'The inputs reach no objects now; each run reports on what they reach by then.'
            : 'The inputs reach no objects now: there is nothing to report on.'}
      </div>
      {warnings.length === 0 ? (
        <div className="check-ok">Every plugin this report needs is enabled and has run on these objects.</div>
      ) : (
        <ul className="plugin-warnings" aria-label="Plugin warnings">
          {warnings.map((w) => (
            <li key={`${w.plugin}:${w.problem}`} className={`plugin-warning ${w.problem}`}>
              <span className="warning-kind">{w.problem === 'disabled' ? 'Disabled' : 'Not run'}</span>
              <span>
                <button type="button" className="link-button" onClick={() => showPlugin(w.plugin)} aria-label={`Open plugin ${w.plugin}`}>
                  {w.plugin}
                </button>{' '}
                <span className="muted small">
                  {w.kind}
                  {required.has(w.plugin) ? ' · required' : ' · optional'}
                </span>
                <span className="warning-text">
                  {w.problem === 'disabled'
                    ? ` is disabled: its part of the report will be empty. Enable it${w.kind === 'boefje' ? ' and scan' : ''} before making the report.`
                    : ` has not run on ${w.objects?.length ? `${w.objects.length}${w.objects.length >= 20 ? '+' : ''} of the chosen objects` : 'the chosen objects'}: their part of the report may be incomplete.`}
                </span>
                {w.objects && w.objects.length > 0 && (
                  <details className="warning-objects">
                    <summary className="small">Objects</summary>
                    <ul>
                      {w.objects.map((pk) => (
                        <li key={pk}>
                          <PkLabel pk={pk} />
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
