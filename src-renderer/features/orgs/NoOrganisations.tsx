import { EmptyState } from '../../components/EmptyState';
import { useStore } from '../../stores/store';

export function NoOrganisations() {
  const openDialog = useStore((s) => s.openDialog);
  return (
    <div className="center-fill">
      <EmptyState
        icon="◈"
        title="Welcome to Kattegat"
        actions={
          <button type="button" className="button primary" onClick={() => openDialog({ kind: 'createOrg' })}>
            Create organisation
          </button>
        }
      >
        <p>
          Everything you audit lives inside an organisation: its hostnames, addresses, scans and findings. Create one to
          start declaring what you want to look at.
        </p>
      </EmptyState>
    </div>
  );
}
