import { Field } from '../../shared/Field.jsx';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ActionEditor } from './ActionEditor.jsx';
import { Integrations } from './Integrations.jsx';
import { ImportAction } from './ImportAction.jsx';
import { ErrorMessage } from '../../shared/ErrorMessage.jsx';
import './actions.css';

// Routes: #/admin/actions (list and import), #/admin/actions/integrations, #/admin/actions/<actionId>.
export function ActionsAdmin({ path }) {
  if (path === 'integrations') return <Integrations />;
  if (path) return <ActionEditor key={path} actionId={decodeURIComponent(path)} />;
  return <ActionList />;
}

const PAGE = 100;

function ActionList() {
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const [categories, setCategories] = useState([]);
  const [integrations, setIntegrations] = useState(null);
  const [rows, setRows] = useState(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState(null);

  useEffect(() => {
    api('/api/v2/integrations?pageSize=500').then((r) => setIntegrations(r.entities)).catch(setError);
    Promise.all([listAll('', ''), listAll('', '', true)]).then(([published, drafts]) => {
      const names = new Set([...published.entities, ...drafts.entities].map((a) => a.category).filter(Boolean));
      setCategories([...names].sort((a, b) => a.localeCompare(b)));
    }).catch(() => {});
  }, []);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      Promise.all([listAll(search, category), listAll(search, category, true)]).then(([published, drafts]) => {
        if (!current) return;
        setRows(merge(published.entities, drafts.entities));
        setMore(published.total > PAGE || drafts.total > PAGE);
        setError(null);
      }).catch((err) => current && setError(err));
    }, 250);
    return () => { current = false; clearTimeout(timer); };
  }, [search, category]);

  const integrationName = (id) => (integrations || []).find((i) => i.id === id)?.name || id;
  return (
    <main class="admin actions-admin">
      <div class="actions-head">
        <h2>Data actions</h2>
        <a href="#/admin/actions/integrations">Integrations</a>
      </div>
      <ImportAction integrations={integrations} />
      <section aria-labelledby="action-list-title" class="panel">
        <h3 id="action-list-title">Actions</h3>
        <div class="filters">
          <Field label="Search actions">
            <input type="search" value={search} placeholder="Name contains…" onInput={(e) => setSearch(e.currentTarget.value)} />
          </Field>
          <Field label="Category">
            <select value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
              <option value="">All categories</option>
              {categories.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </Field>
        </div>
        <ErrorMessage error={error} />
        {rows === null ? <p class="muted" role="status">Loading…</p> : rows.length === 0 ? (
          <p class="muted">No data actions{search || category ? ' match' : ' yet: import one above'}.</p>
        ) : (
          <table class="list">
            <thead><tr><th>Name</th><th>Category</th><th>Integration</th><th>State</th></tr></thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id}>
                  <td><a href={`#/admin/actions/${encodeURIComponent(a.id)}`}>{a.name}</a></td>
                  <td>{a.category}</td>
                  <td>{integrationName(a.integrationId)}</td>
                  <td>{a.state}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {more && <p class="muted">Showing the first {PAGE}: refine the search to see others.</p>}
      </section>
    </main>
  );
}

function listAll(search, category, drafts = false) {
  const q = new URLSearchParams({ pageSize: String(PAGE) });
  if (search.trim()) q.set('name', `*${search.trim()}*`);
  if (category) q.set('category', category);
  return api(`/api/v2/integrations/actions${drafts ? '/drafts' : ''}?${q}`);
}

/** One row per action: published ones say their version, and whether a draft is pending. */
function merge(published, drafts) {
  const byId = new Map();
  for (const a of published) byId.set(a.id, { ...a, state: `Published, version ${a.version}` });
  for (const d of drafts) {
    const p = byId.get(d.id);
    byId.set(d.id, p ? { ...p, state: `${p.state}; draft pending` } : { ...d, state: 'Draft (not published)' });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}
