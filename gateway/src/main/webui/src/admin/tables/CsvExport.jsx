import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { describe, pathOf, tablePath } from './tableApi.js';
import { pollJob } from './poll.js';

/** Starts an export job, waits for it, fetches the CSV with the token and offers it as a download link. */
export function CsvExport({ tableId, tableName }) {
  const [state, setState] = useState({ phase: 'idle' });
  const poll = useRef(null);
  useEffect(() => () => {
    if (poll.current) poll.current.stop();
  }, []);
  useEffect(() => () => { if (state.url) URL.revokeObjectURL(state.url); }, [state.url]);

  const start = async () => {
    setState({ phase: 'running', message: 'Starting the export…' });
    try {
      const job = await api(`${tablePath(tableId)}/export/jobs`, { method: 'POST' });
      poll.current = pollJob(job.selfUri, (j) => setState({ phase: 'running', message: `Export ${j.status}…` }));
      const done = await poll.current.done;
      if (done.status !== 'Succeeded') throw new Error(`The export ${done.status.toLowerCase()}`);
      setState({ phase: 'running', message: `Downloading ${done.countRecordsProcessed.toLocaleString()} rows…` });
      // with the bearer token (a plain link would not carry it), kept as an object URL to save
      const url = URL.createObjectURL(await api(pathOf(done.downloadURI), { read: 'blob' }));
      setState({ phase: 'ready', url, rows: done.countRecordsProcessed });
    } catch (e) {
      setState({ phase: 'failed', error: describe(e) });
    }
  };
  const file = `${tableName.replace(/[^A-Za-z0-9._ -]/g, '_')}.csv`;
  return (
    <section class="export" aria-labelledby="export-title">
      <h3 id="export-title">Export</h3>
      <button type="button" onClick={start} disabled={state.phase === 'running'}>Export CSV</button>
      {state.phase === 'running' && <p role="status">{state.message}</p>}
      {state.phase === 'failed' && <p class="error" role="alert">{state.error}</p>}
      {state.phase === 'ready' && (
        <p role="status">
          {state.rows.toLocaleString()} rows ready: <a href={state.url} download={file}>Download {file}</a>
        </p>
      )}
    </section>
  );
}
