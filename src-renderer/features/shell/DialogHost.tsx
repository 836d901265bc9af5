import { useStore } from '../../stores/store';
import { ClearanceDialog } from '../clearance/ClearanceDialog';
import { ImportCsvDialog } from '../import/ImportCsvDialog';
import { RawViewerDialog } from '../raw/RawViewerDialog';
import { UploadRawDialog } from '../raw/UploadRawDialog';
import { DeleteScheduleDialog } from '../schedules/DeleteScheduleDialog';
import { DeleteObjectDialog } from '../object-detail/DeleteObjectDialog';
import { AddObjectDialog } from '../objects/AddObjectDialog';
import { MuteFindingsDialog } from '../findings/MuteFindingsDialog';
import { DeleteRecipeDialog, DeleteReportDialog } from '../reports/DeleteDialogs';
import { CreateOrgDialog, DeleteOrgDialog, RenameOrgDialog } from '../orgs/OrgDialogs';

/** Renders the one open dialog. */
export function DialogHost() {
  const dialog = useStore((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'createOrg':
      return <CreateOrgDialog />;
    case 'renameOrg':
      return <RenameOrgDialog code={dialog.code} />;
    case 'deleteOrg':
      return <DeleteOrgDialog code={dialog.code} />;
    case 'addObject':
      return <AddObjectDialog />;
    case 'importCsv':
      return <ImportCsvDialog />;
    case 'deleteObject':
      return <DeleteObjectDialog pk={dialog.pk} />;
    case 'clearance':
      return <ClearanceDialog retry={dialog.retry} reason={dialog.reason} />;
    case 'uploadRaw':
      return <UploadRawDialog inputPk={dialog.inputPk} />;
    case 'rawViewer':
      return <RawViewerDialog key={dialog.rawId} rawId={dialog.rawId} />;
    case 'deleteSchedule':
      return <DeleteScheduleDialog id={dialog.id} />;
    case 'muteFindings':
      return <MuteFindingsDialog pks={dialog.pks} />;
    case 'deleteReport':
      return <DeleteReportDialog id={dialog.id} name={dialog.name} />;
    case 'deleteRecipe':
      return <DeleteRecipeDialog id={dialog.id} name={dialog.name} />;
    default: {
      const never: never = dialog;
      return never;
    }
  }
}
