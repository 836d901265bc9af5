import { useState } from 'react';
import type { ReportRecipe } from '../../../src-main/reports/types';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBox } from '../../components/ErrorBox';
import { Icon } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { Toggle } from '../../components/Toggle';
import { formatDate, formatRelative, formatUntil } from '../../components/format';
import { useStore } from '../../stores/store';
import { listKeys } from './list-keys';
import { checkRrule } from './recipe-rrule';
import { inputsText, shortTypeName, typeName } from './report-format';

/** Report recipes: reports the scheduler makes by itself on a recurrence. */
export function RecipesList() {
  const recipes = useStore((s) => s.recipes);
  const status = useStore((s) => s.recipesStatus);
  const error = useStore((s) => s.recipesError);
  const types = useStore((s) => s.reportTypes);
  const load = useStore((s) => s.loadRecipes);
  const enable = useStore((s) => s.enableRecipe);
  const startWizard = useStore((s) => s.startReportWizard);
  const openDialog = useStore((s) => s.openDialog);
  const [busy, setBusy] = useState<string | null>(null);
  const byId = new Map(recipes.map((r) => [r.id, r]));
  const askDelete = (r: ReportRecipe) => openDialog({ kind: 'deleteRecipe', id: r.id, name: r.name });
  const toggle = async (id: string, on: boolean) => {
    setBusy(id);
    try {
      await enable(id, on);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="list-body">
      {status === 'error' && <ErrorBox error={error} onRetry={() => void load()} />}
      {(status === 'loading' || status === 'idle') && recipes.length === 0 && (
        <div className="table-message">
          <Spinner label="Loading recipes" />
        </div>
      )}
      {status === 'ready' && recipes.length === 0 && (
        <EmptyState
          icon="◷"
          title="No recipes"
          actions={
            <button type="button" className="button primary" onClick={() => startWizard({ recipe: true })}>
              <Icon name="plus" /> New recipe
            </button>
          }
        >
          A recipe makes a report by itself on a recurrence, for example every Monday at 08:00: the same type and inputs each time, so every
          report shows what changed since the one before.
        </EmptyState>
      )}
      {recipes.length > 0 && (
        <table className="data-table recipes-table" aria-label="Recipes">
          <thead>
            <tr>
              <th className="col-on">On</th>
              <th className="col-name">Name</th>
              <th className="col-type">Type</th>
              <th>Inputs</th>
              <th className="col-when">When</th>
              <th className="col-time">Next run</th>
              <th className="col-time">Last run</th>
              <th className="col-actions" aria-label="Actions" />
            </tr>
          </thead>
          <tbody
            onKeyDown={(e) =>
              listKeys(e, {
                open: (id) => startWizard({ recipeId: id }),
                remove: (id) => {
                  const r = byId.get(id);
                  if (r) askDelete(r);
                },
              })
            }
          >
            {recipes.map((r) => {
              const when = checkRrule(r.rrule, new Date(), { withStart: false });
              return (
                <tr key={r.id} data-id={r.id} tabIndex={0} aria-label={r.name} className={r.enabled ? '' : 'disabled-row'} onClick={() => startWizard({ recipeId: r.id })}>
                  <td>
                    <Toggle checked={r.enabled} label={`Enable ${r.name}`} busy={busy === r.id} onChange={(on) => void toggle(r.id, on)} />
                  </td>
                  <td className="cell-name">
                    <span className="report-name">{r.name}</span>
                  </td>
                  <td>
                    <span className="type-chip" title={typeName(types, r.type)}>{shortTypeName(types, r.type)}</span>
                  </td>
                  <td className="muted" title={inputsText(r.inputs)}>
                    {inputsText(r.inputs)}
                  </td>
                  <td title={r.rrule}>{when.ok ? when.text : <span className="mono small">{r.rrule}</span>}</td>
                  <td title={formatDate(r.nextRunAt)} data-testid="recipe-next-run">
                    {r.nextRunAt ? formatUntil(r.nextRunAt) : r.enabled ? '—' : 'disabled'}
                  </td>
                  <td className="muted" title={formatDate(r.lastRunAt)}>
                    {r.lastRunAt ? formatRelative(r.lastRunAt) : 'never'}
                  </td>
                  <td className="col-actions" onClick={(e) => e.stopPropagation()}>
                    <button type="button" className="icon-button danger" aria-label={`Delete recipe ${r.name}`} title="Delete (Del)" tabIndex={-1} onClick={() => askDelete(r)}>
                      <Icon name="trash" />
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
