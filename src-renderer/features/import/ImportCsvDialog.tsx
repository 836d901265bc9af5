import { useRef, useState } from 'react';
import type { CsvImportResult } from '../../../src-main/api/types';
import { api, ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { FormField } from '../../components/FormField';
import { formatCount } from '../../components/format';
import { useStore } from '../../stores/store';
import type { ErrorInfo } from '../../stores/types';
import { ImportReport } from './ImportReport';

const MAX_FILE_BYTES = 20_000_000;

/** Imports hostnames, addresses, URLs and networks from CSV text or a file; reports per row. */
export function ImportCsvDialog() {
  const org = useStore((s) => s.currentOrg);
  const closeDialog = useStore((s) => s.closeDialog);
  const [csv, setCsv] = useState('');
  const [network, setNetwork] = useState('internet');
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<CsvImportResult | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const readFile = (file: File) => {
    setError(null);
    if (file.size > MAX_FILE_BYTES) {
      setError({ code: 'INVALID_CSV', message: `${file.name} is larger than 20 MB; split it into smaller files.` });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      setCsv(String(reader.result ?? ''));
      setFileName(file.name);
      setResult(null);
    };
    reader.onerror = () => setError({ code: 'INVALID_CSV', message: `Could not read ${file.name}.` });
    reader.readAsText(file);
  };

  const run = async (dryRun: boolean) => {
    if (!org) return;
    if (!csv.trim()) {
      setError({ code: 'INVALID_CSV', message: 'Paste some lines or choose a file first.' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(await api().call('objects.importCsv', { org, csv, network: network.trim() || 'internet', dryRun }));
    } catch (e) {
      setError(ApiError.from(e));
    } finally {
      setBusy(false);
    }
  };

  const lines = csv ? csv.split(/\r?\n/).filter((l) => l.trim()).length : 0;

  return (
    <Dialog
      title="Import CSV"
      width="wide"
      onClose={closeDialog}
      onSubmit={() => void run(false)}
      footer={
        <>
          <span className="footer-note">{lines ? `${formatCount(lines)} non-empty lines` : 'One hostname, IP address, URL or network per line.'}</span>
          <button type="button" className="button" onClick={closeDialog}>
            {result && !result.dryRun ? 'Done' : 'Cancel'}
          </button>
          <button type="button" className="button" disabled={busy || !csv.trim()} onClick={() => void run(true)}>
            Check only
          </button>
          <button type="submit" className="button primary" disabled={busy || !csv.trim()}>
            {busy ? 'Importing…' : 'Import'}
          </button>
        </>
      }
    >
      <div className="import-grid">
        <FormField id="csv-text" label="CSV" hint="A type column is optional: “Hostname,example.org”. Without one the type is guessed from each value.">
          <textarea
            id="csv-text"
            className="mono"
            rows={8}
            spellCheck={false}
            placeholder={'example.org\n192.0.2.10\nhttps://example.org/login'}
            value={csv}
            onChange={(e) => {
              setCsv(e.target.value);
              setFileName(null);
            }}
          />
        </FormField>
        <div className="import-side">
          <FormField id="csv-file" label="Or choose a file">
            <input
              ref={fileInput}
              id="csv-file"
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) readFile(f);
              }}
            />
          </FormField>
          {fileName && <div className="muted small">Loaded {fileName}</div>}
          <FormField id="csv-network" label="Network" hint="Addresses and hostnames are placed in this network.">
            <input id="csv-network" className="mono" value={network} onChange={(e) => setNetwork(e.target.value)} />
          </FormField>
        </div>
      </div>
      <ErrorBox error={error} compact />
      {result && <ImportReport result={result} />}
    </Dialog>
  );
}
