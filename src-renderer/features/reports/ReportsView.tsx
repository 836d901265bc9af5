import { Icon } from '../../components/Icon';
import { useStore } from '../../stores/store';
import { RecipesList } from './RecipesList';
import { ReportView } from './ReportView';
import { ReportsList } from './ReportsList';
import { ReportWizard } from './ReportWizard';

/** Reports (`g r`): the stored reports and the recipes; the wizard and a report take the whole pane. */
export function ReportsView() {
  const screen = useStore((s) => s.reportsScreen);
  const tab = useStore((s) => s.reportsTab);
  const setTab = useStore((s) => s.setReportsTab);
  const startWizard = useStore((s) => s.startReportWizard);

  if (screen.kind === 'wizard') return <ReportWizard key={screen.recipeId ?? (screen.recipe ? 'recipe' : 'report')} recipe={screen.recipe ?? false} recipeId={screen.recipeId} prefill={screen.prefill} />;
  if (screen.kind === 'report') return <ReportView key={screen.id} id={screen.id} />;

  return (
    <section className="reports-view" aria-label="Reports">
      <header className="view-header">
        <div className="view-title">
          <h1>Reports</h1>
          <div className="segmented" role="tablist" aria-label="Reports or recipes">
            <button type="button" role="tab" aria-selected={tab === 'reports'} className={`button small${tab === 'reports' ? ' on' : ''}`} onClick={() => setTab('reports')}>
              Reports
            </button>
            <button type="button" role="tab" aria-selected={tab === 'recipes'} className={`button small${tab === 'recipes' ? ' on' : ''}`} onClick={() => setTab('recipes')}>
              Recipes
            </button>
          </div>
        </div>
        <kbd className="view-keys muted" title="j/k move · Enter opens · Del deletes · Esc back">
          j k ↵ del
        </kbd>
        <div className="view-actions">
          {tab === 'reports' ? (
            <button type="button" className="button primary" onClick={() => startWizard()}>
              <Icon name="plus" /> New report
            </button>
          ) : (
            <button type="button" className="button primary" onClick={() => startWizard({ recipe: true })}>
              <Icon name="plus" /> New recipe
            </button>
          )}
        </div>
      </header>
      {tab === 'reports' ? <ReportsList /> : <RecipesList />}
    </section>
  );
}
