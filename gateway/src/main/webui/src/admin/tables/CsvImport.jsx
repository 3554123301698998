import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { describe, pathOf, tablePath } from './tableApi.js';
import { pollJob } from './poll.js';

const MODES = {
  Append: 'Append: add new rows, update the file\u2019s columns of rows already there, keep the rest',
  ReplaceRows: 'Replace rows: add new rows, replace rows already there whole, keep the other rows',
  ReplaceAll: 'Replace all: the table ends with exactly the file\u2019s rows',
};

/**
 * CSV import in two steps: a dry run of the file (nothing written) whose summary the user reviews, then the real
 * import with a progress bar. Both are Genesys-style jobs: create, upload the file, poll.
 */
export function CsvImport({ tableId, keyLabel, columns, onImported }) {
  const [file, setFile] = useState(null);
  const [mode, setMode] = useState('Append');
  const [phase, setPhase] = useState('idle'); // idle, checking, reviewed, importing, done
  const [job, setJob] = useState(null);
  const [error, setError] = useState(null);
  const [over, setOver] = useState(false);
  const poll = useRef(null);
  const fileInput = useRef(null);
  useEffect(() => () => { if (poll.current) poll.current.stop(); }, []);

  const run = async (csv, importMode, dryRun) => {
    const created = await api(`${tablePath(tableId)}/import/csv/jobs`, {
      method: 'POST', body: { importMode, dryRun },
    });
    setJob(created);
    // Rapport's upload URI takes the bearer token like any call; the file goes as it is.
    await api(pathOf(created.uploadURI), { method: 'PUT', body: csv, headers: { 'Content-Type': 'text/csv' } });
    poll.current = pollJob(created.selfUri, setJob);
    return poll.current.done;
  };

  const check = async (csv, importMode) => {
    if (!csv) return;
    setError(null);
    setPhase('checking');
    try {
      await run(csv, importMode, true);
      setPhase('reviewed');
    } catch (e) {
      setError(describe(e));
      setPhase('idle');
    }
  };
  const choose = (chosen) => {
    if (!chosen) return;
    if (phase === 'checking' || phase === 'importing') return;
    setFile(chosen);
    check(chosen, mode);
  };
  const confirm = async () => {
    setError(null);
    setPhase('importing');
    try {
      await run(file, mode, false);
      setPhase('done');
      onImported();
    } catch (e) {
      setError(describe(e));
      setPhase('reviewed');
    }
  };
  const reset = () => {
    setFile(null);
    setJob(null);
    setPhase('idle');
    setError(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const busy = phase === 'checking' || phase === 'importing';
  const header = [keyLabel, ...columns.map((c) => c.name)].join(',');
  return (
    <section class="import" aria-labelledby="import-title">
      <h3 id="import-title">Import CSV</h3>
      <label class="field">
        <span class="label">Import mode</span>
        <select value={mode} disabled={busy} onChange={(e) => {
          setMode(e.currentTarget.value);
          if (file && phase === 'reviewed') check(file, e.currentTarget.value);
        }}>
          {Object.entries(MODES).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      </label>
      <div class={`dropzone${over ? ' over' : ''}`} role="group" aria-label="CSV drop zone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)}
        onDrop={(e) => { e.preventDefault(); setOver(false); choose(e.dataTransfer.files[0]); }}>
        <p>Drop a CSV file here, or choose one:</p>
        <label class="field">
          <span class="label">CSV file to import</span>
          <input ref={fileInput} type="file" accept=".csv,text/csv" disabled={busy}
            onChange={(e) => choose(e.currentTarget.files[0])} />
        </label>
        <p class="muted hint">First line: <code>{header}</code> (the key as <code>key</code> or {keyLabel}; columns by name
          or label, any subset: Append keeps the values of the columns the file leaves out).</p>
      </div>

      {error && <p class="error" role="alert">{error}</p>}
      {busy && job && <JobProgress job={job} label={phase === 'checking' ? 'Dry run progress' : 'Import progress'} />}
      {phase === 'reviewed' && job && (
        <div class="review" aria-labelledby="review-title">
          <h4 id="review-title">Dry run of {file.name}: nothing written yet</h4>
          {job.status === 'Failed' ? (
            <p class="error" role="alert">
              The file cannot be imported: {(job.errorInformation && job.errorInformation.message) || 'the job failed'}
            </p>
          ) : <Summary job={job} columns={columns} dry />}
          {job.status !== 'Failed' && <LeftOut job={job} />}
          <div class="form-actions">
            {job.status === 'Succeeded' && (
              <button type="button" onClick={confirm}>Confirm import</button>
            )}
            <button type="button" class="link" onClick={reset}>Cancel</button>
          </div>
        </div>
      )}
      {phase === 'done' && job && (
        <div class="review" role="status">
          <h4>{job.status === 'Succeeded' ? `Imported ${file.name}` : `The import of ${file.name} failed`}</h4>
          {job.errorInformation && <p class="error">{job.errorInformation.message}</p>}
          <Summary job={job} columns={columns} />
          <button type="button" class="link" onClick={reset}>Import another file</button>
        </div>
      )}
    </section>
  );
}

/** What the import does to the columns its file does not name: Append keeps them, the other modes reset them. */
function LeftOut({ job }) {
  const names = job.columnsNotInFile || [];
  if (!names.length) return <p class="muted">The file has every column of the table.</p>;
  return job.importMode === 'Append'
    ? <p>Kept as they are in the table: {names.join(', ')} (new rows take their defaults).</p>
    : <p>{`Set to their defaults in the file's rows: ${names.join(', ')}.`}</p>;
}

function JobProgress({ job, label }) {
  const percent = job.progress && job.progress.percent;
  const text = job.status === 'WaitingForUpload' ? 'Uploading…'
    : percent == null ? `${job.status}…` : `${job.status}: ${percent}%, ${job.countRecordsProcessed.toLocaleString()} records read`;
  return (
    <div class="progress">
      <progress aria-label={label} max={100} value={percent == null ? undefined : percent} />
      <p role="status">{text}</p>
    </div>
  );
}

function blankOr(value) {
  return value === undefined || value === null ? '(none)' : value === '' ? '(blank)' : String(value);
}

/** The counts (what would be / was added, changed, unchanged, deleted, rejected) and the rejected lines. */
function Summary({ job, columns, dry }) {
  const order = columns.map((c) => c.name);
  const ordered = (values) => Object.entries(values || {}).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
  const would = (text) => (dry ? `would be ${text}` : text);
  const items = [
    [job.countRecordsAdded, would('added')],
    [job.countRecordsChanged, would('changed')],
    [job.countRecordsUnchanged, 'unchanged'],
    [job.countRecordsDeleted, would('deleted')],
    [job.countRecordsFailed, dry ? 'would be rejected' : 'rejected'],
  ];
  const failures = job.failures || [];
  const changes = job.changes || [];
  const shownChanges = changes.length < (job.countRecordsAdded || 0) + (job.countRecordsChanged || 0)
    + (job.countRecordsDeleted || 0) ? ` (first ${changes.length})` : '';
  return (
    <>
      <ul class="summary" aria-label={dry ? 'Dry run summary' : 'Import summary'}>
        {items.map(([n, text]) => <li key={text}><strong>{(n || 0).toLocaleString()}</strong> row(s) {text}</li>)}
      </ul>
      {changes.length > 0 && (
        <table class="list">
          <caption>{dry ? 'Dry run diff' : 'Import diff'}{shownChanges}</caption>
          <thead><tr><th scope="col">Line</th><th scope="col">Key</th><th scope="col">What</th><th scope="col">Values</th></tr></thead>
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.line}:${c.key}`}>
                <td>{c.line ?? ''}</td>
                <td>{c.key}</td>
                <td>{c.operation}</td>
                <td>
                  <ul class="changes">
                    {c.operation === 'deleted' ? ordered(c.oldValues).map(([field, value]) => (
                      <li key={field}><strong>{field}</strong>: <span class="old">{blankOr(value)}</span></li>
                    )) : ordered(c.newValues).map(([field, value]) => (
                      <li key={field}>
                        <strong>{field}</strong>:{' '}
                        {c.operation === 'changed' && (
                          <><span class="old">{blankOr((c.oldValues || {})[field])}</span> → </>
                        )}
                        <span class="new">{blankOr(value)}</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failures.length > 0 && (
        <table class="list">
          <caption>Rejected lines{job.countRecordsFailed > failures.length ? ` (first ${failures.length})` : ''}</caption>
          <thead><tr><th scope="col">Line</th><th scope="col">Key</th><th scope="col">Field</th><th scope="col">Reason</th></tr></thead>
          <tbody>
            {failures.map((f, i) => (
              <tr key={i}><td>{f.line}</td><td>{f.key || ''}</td><td>{f.field || ''}</td><td>{f.reason}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
