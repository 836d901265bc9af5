import type { ExplanationStep, LevelDetail } from '../../../src-main/api/contracts/levels';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { LEVEL_INFO, LevelBadge } from '../../components/LevelBadge';
import { PkLabel } from '../../components/PkLabel';
import { Spinner } from '../../components/Spinner';
import { useStore } from '../../stores/store';
import { useApiResource } from './use-api-resource';

function Via({ step }: { step: ExplanationStep }) {
  if (!step.via) return null;
  const { attr, direction, cap, source } = step.via;
  const field = `${source.slice(0, source.indexOf('|'))}.${attr}`;
  return (
    <div className="explain-via muted small">
      {direction === 'issue' ? 'passed on' : 'taken'} along <span className="mono">{field}</span> (at most L{cap})
    </div>
  );
}

/** The object's scan level: kind, why (the chain to the declaration), and setting or resetting it. */
export function ClearanceSection({ org, pk, readOnly }: { org: string; pk: string; readOnly: boolean }) {
  const revision = useStore((s) => s.levelsRevision);
  const setLevels = useStore((s) => s.setLevels);
  const openObject = useStore((s) => s.openObject);
  const clearance = useStore((s) => s.clearance);
  const res = useApiResource<LevelDetail>(`${org}\n${pk}\n${revision}`, () => api().call('levels.get', { org, pk }));
  const d = res.data && res.data.pk === pk ? res.data : null;

  return (
    <section className="detail-section" aria-labelledby="sec-clearance">
      <h3 id="sec-clearance">Clearance</h3>
      {res.status === 'error' && <ErrorBox error={res.error} compact />}
      {!d && res.status === 'loading' && <Spinner label="Loading level" />}
      {d && (
        <>
          <div className="level-line">
            <LevelBadge level={d.level} kind={d.kind} />
            <span className="level-line-text">
              <strong>{LEVEL_INFO[d.level]?.name}</strong>{' '}
              <span className="muted">
                {d.kind === 'declared' ? '· declared here' : d.kind === 'inherited' ? '· inherited' : '· no level: nothing scans it'}
              </span>
            </span>
          </div>
          {d.kind === 'inherited' && d.explanation.length > 1 && (
            <ol className="explain-chain" aria-label="Why this level">
              {d.explanation.map((step, i) => (
                <li key={`${step.pk}-${i}`} className={`explain-step${step.kind === 'declared' ? ' declared' : ''}`}>
                  <div className="explain-head">
                    <LevelBadge level={step.level} kind={step.kind} />
                    {i === 0 ? (
                      <span className="muted">this object</span>
                    ) : (
                      <button type="button" className="link-button" onClick={() => openObject(step.pk)} aria-label={`Open ${step.pk}`}>
                        <PkLabel pk={step.pk} />
                      </button>
                    )}
                    {step.kind === 'declared' && <span className="muted small">declared</span>}
                  </div>
                  <Via step={step} />
                </li>
              ))}
            </ol>
          )}
          {!readOnly && (
            <div className="level-actions">
              <div className="segmented" role="group" aria-label="Declare level">
                {LEVEL_INFO.map((l) => {
                  const current = d.kind === 'declared' && d.level === l.level;
                  const above = clearance?.maxLevel == null ? l.level > 0 : l.level > clearance.maxLevel;
                  return (
                    <button
                      key={l.level}
                      type="button"
                      className={`button small${current ? ' primary' : ''}`}
                      aria-pressed={current}
                      title={`Declare L${l.level} (${l.name}): ${l.text}${above ? ' — needs a higher organisation clearance' : ''}`}
                      onClick={() => void setLevels([pk], l.level)}
                    >
                      L{l.level}
                      {above && <span className="lock" aria-hidden="true">*</span>}
                    </button>
                  );
                })}
              </div>
              <button type="button" className="button small" disabled={d.kind !== 'declared'} onClick={() => void setLevels([pk], null)}>
                Reset to inherited
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
