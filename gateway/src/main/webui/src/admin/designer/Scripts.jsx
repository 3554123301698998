// #/admin/scripts: the list of scripts (search, new, import, open); #/admin/scripts/<id>: the designer.
import { useEffect, useState } from 'preact/hooks';
import { api, hasRole } from '../../api.js';
import { useFocusFirst } from '../../shared/focusFirst.js';
import { Designer } from './Designer.jsx';
import { ImportScriptButton } from './panels/ImportScript.jsx';
import { blankScript } from './model.js';
import './designer.css';

export function ScriptsAdmin({ path }) {
  if (!hasRole('admin')) {
    return <main class="admin"><p class="error" role="alert">The script designer needs the admin role.</p></main>;
  }
  const id = (path || '').split('/')[0];
  return id ? <Designer key={id} scriptId={decodeURIComponent(id)} /> : <ScriptList />;
}

function open(id) {
  location.hash = `#/admin/scripts/${encodeURIComponent(id)}`;
}

function ScriptList() {
  const [search, setSearch] = useState('');
  const [scripts, setScripts] = useState(null);
  const [error, setError] = useState(null);
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState(null); // the script whose deletion waits for a second click
  const [notice, setNotice] = useState(null);
  const [reload, setReload] = useState(0);

  const remove = async (s) => {
    setConfirming(null);
    try {
      await api(`/api/v2/scripts/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
      setNotice(`Script “${s.name}” deleted.`);
      setError(null);
      setReload((n) => n + 1);
    } catch (err) {
      setNotice(null);
      setError(`Could not delete “${s.name}”: ${err.message}`);
    }
  };

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(async () => {
      try {
        const q = search.trim() ? `&name=${encodeURIComponent(search.trim())}` : '';
        const listing = await api(`/api/v2/scripts?pageSize=200${q}`);
        if (!stale) {
          setScripts(listing.entities || []);
          setError(null);
        }
      } catch (err) {
        if (!stale) setError(`Could not load the scripts: ${err.message}`);
      }
    }, search ? 250 : 0);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [search, reload]);

  return (
    <main class="admin scripts-admin">
      <div class="scripts-head">
        <h2>Scripts</h2>
        <button type="button" onClick={() => setCreating(true)} disabled={creating}>New script</button>
        <ImportScriptButton onImported={open} />
      </div>
      {creating && <NewScript onCancel={() => setCreating(false)} />}
      <label class="field scripts-search">
        <span class="label">Search scripts</span>
        <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      {notice && <p class="notice success" role="status">{notice}</p>}
      {!scripts && !error && <p class="muted" role="status">Loading…</p>}
      {scripts && scripts.length === 0 && <p class="muted">No script {search ? `matches “${search}”` : 'yet'}.</p>}
      {scripts && scripts.length > 0 && (
        <table class="list scripts-table">
          <thead><tr><th scope="col">Name</th><th scope="col">Published version</th><th scope="col">Modified</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>
            {scripts.map((s) => (
              <tr key={s.id}>
                <td><a href={`#/admin/scripts/${encodeURIComponent(s.id)}`}>{s.name}</a></td>
                <td>{s.currentVersion ?? <span class="muted">not published</span>}</td>
                <td>{s.modifiedDate ? new Date(s.modifiedDate).toLocaleString() : ''}</td>
                <td>
                  {confirming === s.id ? <>
                    <button type="button" class="link danger" onClick={() => remove(s)}>Yes, delete {s.name}</button>
                    <button type="button" class="link" onClick={() => setConfirming(null)}>Keep it</button>
                  </> : <button type="button" class="link" onClick={() => setConfirming(s.id)}>Delete {s.name}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function NewScript({ onCancel }) {
  const [name, setName] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const form = useFocusFirst();
  const submit = async (e) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('A script needs a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await api('/api/v2/scripts', { method: 'POST', body: blankScript(trimmed) });
      open(created.id);
    } catch (err) {
      setError(`Could not create the script: ${err.message}`);
      setBusy(false);
    }
  };
  return (
    <form class="new-script" onSubmit={submit} aria-label="New script" ref={form}>
      <label class="field">
        <span class="label">Script name</span>
        <input value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={256} />
      </label>
      <div class="d-row">
        <button type="submit" disabled={busy}>Create script</button>
        <button type="button" class="link" onClick={onCancel}>Cancel</button>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
    </form>
  );
}
