// Versions (Publish is in the designer's toolbar): list them, compare two versions (or a version and the draft), make
// an earlier version current again, or restore a version into the draft.
import { useEffect, useState } from 'preact/hooks';
import { api, revisionTag } from '../../../api.js';
import { ProblemsPanel } from './Problems.jsx';
import './panels.css';

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function errorText(e) {
  return e && e.message ? e.message : String(e);
}

/** One line of the diff's text form, marked by its kind for colour (the text itself says + / - / ~). */
function DiffLine({ line }) {
  const cls = line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('~') ? 'chg' : '';
  return <span class={cls}>{line}{'\n'}</span>;
}

export function VersionsPanel({ scriptId, dirty, onRestored, revision, published }) {
  const [versions, setVersions] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [busy, setBusy] = useState(null);
  const [message, setMessage] = useState(null);
  const [refusal, setRefusal] = useState(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('draft');
  const [diff, setDiff] = useState(null);
  const [diffError, setDiffError] = useState(null);
  const [confirmRestore, setConfirmRestore] = useState(null);

  const base = `/api/v2/scripts/${encodeURIComponent(scriptId)}`;
  const load = async () => {
    try {
      const list = await api(`${base}/versions`);
      setVersions(list);
      setLoadError(null);
      if (!from && list.length) setFrom(String(list[0].version));
    } catch (e) {
      setLoadError(errorText(e));
    }
  };
  // reload when the draft was saved (dirty turns false) and after a publish from the toolbar
  useEffect(() => { if (scriptId) load(); }, [scriptId, dirty, published]);

  const makeCurrent = async (version) => {
    setBusy(`current-${version}`);
    setMessage(null);
    try {
      await api(`${base}/versions/${version}/current`, { method: 'POST' });
      setMessage(`Version ${version} is now current: new interactions get it.`);
      await load();
    } catch (e) {
      setMessage(null);
      setRefusal({ message: errorText(e), details: [] });
    } finally {
      setBusy(null);
    }
  };

  const restore = async (version) => {
    setBusy(`restore-${version}`);
    setConfirmRestore(null);
    try {
      const detail = await api(`${base}/versions/${version}`);
      // With the designer's revision: a draft someone else saved meanwhile is not replaced unseen (412).
      await api(base, {
        method: 'PUT', body: detail.definition, headers: { 'If-Match': revisionTag(revision ? revision() : null) },
      });
      setMessage(`Version ${version} was restored into the draft.`);
      await load();
      if (onRestored) onRestored();
    } catch (e) {
      const message = e.status === 412
        ? `Version ${version} was not restored: someone else saved the draft meanwhile. Reload the page to see their draft first.`
        : `Could not restore version ${version}: ${errorText(e)}`;
      setRefusal({ message, details: [] });
    } finally {
      setBusy(null);
    }
  };

  const compare = async (e) => {
    e.preventDefault();
    setDiff(null);
    setDiffError(null);
    try {
      setDiff(await api(`${base}/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`));
    } catch (err) {
      setDiffError(errorText(err));
    }
  };

  const choices = [...(versions || []).map((v) => ({ value: String(v.version), label: `Version ${v.version}${v.current ? ' (current)' : ''}` })),
    { value: 'draft', label: dirty ? 'Draft (as last saved)' : 'Draft' }];

  return (
    <section class="panel versions" aria-labelledby="versions-title">
      <h3 id="versions-title">Versions</h3>
      {loadError && <p class="error" role="alert">Could not load the versions: {loadError}</p>}
      <p class="muted">Publish (in the toolbar) makes the saved draft a new version, current at once.</p>
      {message && <p class="notice success" role="status">{message}</p>}
      {refusal && (
        <div role="alert" class="error">
          <p>{refusal.message}</p>
          {refusal.details.length > 0 && (
            <ProblemsPanel problems={refusal.details.map((d) => ({ where: d.fieldName, code: d.errorCode, message: d.message || d.errorCode }))} />
          )}
        </div>
      )}

      <h4>Published versions</h4>
      {versions && versions.length === 0 && <p class="muted">Not published yet.</p>}
      {versions && versions.length > 0 && (
        <table>
          <thead>
            <tr><th scope="col">Version</th><th scope="col">Published</th><th scope="col">By</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>{v.version}{v.current ? ' (current)' : ''}</td>
                <td>{when(v.publishedDate)}</td>
                <td>{v.publishedBy || ''}</td>
                <td>
                  {!v.current && (
                    <button type="button" class="link" disabled={!!busy} onClick={() => makeCurrent(v.version)}>
                      Make version {v.version} current
                    </button>
                  )}
                  <button type="button" class="link" disabled={!!busy}
                    onClick={() => (dirty ? setConfirmRestore(v.version) : restore(v.version))}>
                    Restore version {v.version} to the draft
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirmRestore != null && (
        <div class="notice warning" role="alert">
          <span>The draft has unsaved changes; restoring version {confirmRestore} replaces them.</span>
          <span>
            <button type="button" onClick={() => restore(confirmRestore)}>Restore anyway</button>{' '}
            <button type="button" class="secondary" onClick={() => setConfirmRestore(null)}>Keep my changes</button>
          </span>
        </div>
      )}

      <h4>Compare</h4>
      <form class="row" onSubmit={compare}>
        <label class="field">
          <span class="label">Compare from</span>
          <select value={from} onChange={(e) => setFrom(e.currentTarget.value)}>
            {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
        </label>
        <label class="field">
          <span class="label">Compare to</span>
          <select value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
          </select>
        </label>
        <button type="submit" disabled={!from}>Show differences</button>
      </form>
      {diffError && <p class="error" role="alert">{diffError}</p>}
      {diff && (
        <div>
          <p class="muted" role="status">
            {diff.changes.length === 0 ? 'No differences.' : `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}`}
            {' '}from {diff.from === 'draft' ? 'the draft' : `version ${diff.from}`} to {diff.to === 'draft' ? 'the draft' : `version ${diff.to}`}.
          </p>
          {diff.changes.length > 0 && (
            <pre class="diff" aria-label="Differences">{(diff.text || '').split('\n').map((l, i) => <DiffLine key={i} line={l} />)}</pre>
          )}
        </div>
      )}
    </section>
  );
}
