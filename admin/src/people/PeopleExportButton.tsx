import DownloadIcon from '@mui/icons-material/GetApp';
import { Button, CircularProgress } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useListContext, useNotify } from 'react-admin';
import type { PersonRecord } from '../api/records';
import { fetchServerCsv, peopleToCsv, serverExportUrl } from './peopleCsv';

/** Hands a file to the browser's downloads. */
function saveFile(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}


/** "Export CSV": the rows on screen when they are the whole list, else the server's full export. */
export const PeopleExportButton = () => {
  const { data, total, filterValues, sort, isPending } = useListContext<PersonRecord>();
  const { canAccess } = useCanAccess({ resource: 'people', action: 'export' });
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;

  const exportCsv = async () => {
    setBusy(true);
    try {
      const wholeListOnScreen = data !== undefined && total !== undefined && data.length >= total;
      const blob = wholeListOnScreen
        ? new Blob([peopleToCsv(data)], { type: 'text/csv;charset=utf-8' })
        : await fetchServerCsv(serverExportUrl(filterValues, sort));
      saveFile(blob, 'influencers.csv');
    } catch (error) {
      notify(error instanceof Error ? error.message : 'The export failed.', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      size="small"
      onClick={() => void exportCsv()}
      disabled={busy || isPending || !total}
      startIcon={busy ? <CircularProgress size={16} /> : <DownloadIcon />}
    >
      Export CSV
    </Button>
  );
};
