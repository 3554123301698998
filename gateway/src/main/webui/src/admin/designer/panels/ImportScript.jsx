// Imports a Genesys Scripter ".script" export (or a Rapport script export) as a new script: choose or drop the file,
// see what could not be carried over, then open the new script.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../../api.js';
import './panels.css';

const MAX_BYTES = 5 * 1024 * 1024;

export function ImportScriptButton({ onImported }) {
  const [open, setOpen] = useState(false);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [result, setResult] = useState(null);
  const input = useRef(null);
  useEffect(() => { if (open && input.current) input.current.focus(); }, [open]);

  const importFile = async (file) => {
    setError(null);
    setResult(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError(`${file.name} is larger than 5 MB; a script export is much smaller.`);
      return;
    }
    let body;
    try {
      body = JSON.parse(await file.text());
    } catch (e) {
      setError(`${file.name} is not a JSON file: a Genesys .script export is JSON.`);
      return;
    }
    setBusy(true);
    try {
      const answer = await api('/api/v2/scripts/import', { method: 'POST', body });
      setResult({ file: file.name, ...answer });
    } catch (e) {
      const details = (e.body && e.body.details) || [];
      setError(`${file.name} could not be imported: ${e.message}`
        + (details.length ? ` (${details.slice(0, 5).map((d) => `${d.fieldName}: ${d.message}`).join('; ')})` : ''));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const drop = (e) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
    importFile(file);
  };

  if (!open) {
    return <button type="button" onClick={() => setOpen(true)}>Import Genesys script</button>;
  }
  return (
    <section class={over ? 'import-drop over' : 'import-drop'} aria-labelledby="import-title"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}>
      <h3 id="import-title">Import a Genesys script</h3>
      <p class="muted">Choose a Genesys Scripter export (.script) or drop it here. It becomes a new script (a draft).</p>
      <label class="field">
        <span class="label">Genesys .script file</span>
        <input ref={input} type="file" accept=".script,.json,application/json" disabled={busy}
          onChange={(e) => importFile(e.currentTarget.files && e.currentTarget.files[0])} />
      </label>
      {busy && <p role="status">Importing…</p>}
      {error && <p class="error" role="alert">{error}</p>}
      {result && (
        <div role="status">
          <p>Imported “{result.script.name}” from {result.file} ({result.sourceFormat === 'genesys' ? 'Genesys export' : 'Rapport script'}).</p>
          {result.notCarriedOver && result.notCarriedOver.length > 0 ? (
            <>
              <p>Not carried over ({result.notCarriedOver.length}):</p>
              <ul aria-label="Not carried over">
                {result.notCarriedOver.map((item, i) => <li key={i}>{item}</li>)}
              </ul>
            </>
          ) : <p>Everything was carried over.</p>}
          <button type="button" onClick={() => onImported && onImported(result.script.id)}>Open the imported script</button>
        </div>
      )}
      <button type="button" class="secondary" onClick={() => { setOpen(false); setResult(null); setError(null); }}>Close import</button>
    </section>
  );
}
