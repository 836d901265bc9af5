import { Icon } from '../../components/Icon';
import { useStore } from '../../stores/store';
import { BulkLevelBar } from './BulkLevelBar';
import { ObjectsTable } from './ObjectsTable';
import { ObjectsToolbar } from './ObjectsToolbar';

/** The main pane for the current organisation: header with actions, toolbar, table. */
export function ObjectsView() {
  const org = useStore((s) => s.orgs.find((o) => o.code === s.currentOrg));
  const openDialog = useStore((s) => s.openDialog);
  if (!org) return null;
  return (
    <section className="objects-view" aria-label="Objects">
      <header className="view-header">
        <div className="view-title">
          <h1>{org.name}</h1>
          <span className="org-code-chip mono">{org.code}</span>
          <button type="button" className="icon-button subtle" aria-label="Rename organisation" title="Rename" onClick={() => openDialog({ kind: 'renameOrg', code: org.code })}>
            <Icon name="edit" />
          </button>
          <button type="button" className="icon-button subtle" aria-label="Delete organisation" title="Delete organisation" onClick={() => openDialog({ kind: 'deleteOrg', code: org.code })}>
            <Icon name="trash" />
          </button>
        </div>
        <div className="view-actions">
          <button type="button" className="button" onClick={() => openDialog({ kind: 'uploadRaw' })}>
            <Icon name="upload" /> Upload raw file
          </button>
          <button type="button" className="button" onClick={() => openDialog({ kind: 'importCsv' })}>
            <Icon name="upload" /> Import CSV
          </button>
          <button type="button" className="button primary" onClick={() => openDialog({ kind: 'addObject' })}>
            <Icon name="plus" /> Add object
          </button>
        </div>
      </header>
      <ObjectsToolbar />
      <BulkLevelBar />
      <ObjectsTable />
    </section>
  );
}
