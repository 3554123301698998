import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { Field } from '../../shared/Field.jsx';
import { ErrorMessage } from '../../shared/ErrorMessage.jsx';
import { FlowEditor } from './FlowEditor.jsx';
import './flows.css';

// Routes: #/admin/flows (list, create) and #/admin/flows/<id> (editor).
export function FlowsAdmin({ path }) {
  if (path) return <FlowEditor key={path} flowId={decodeURIComponent(path)} />;
  return <FlowList />;
}

export function matchSummary(match) {
  const parts = [];
  if (match?.isDefault) parts.push('Default flow');
  if (match?.dnis?.length) parts.push(`DNIS ${match.dnis.join(', ')}`);
  if (match?.queues?.length) parts.push(`Queues ${match.queues.join(', ')}`);
  return parts.join('; ') || 'Matches nothing yet';
}

function FlowList() {
  const [flows, setFlows] = useState(null);
  const [error, setError] = useState(null);
  const [name, setName] = useState('');
  const [isDefault, setIsDefault] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api('/api/v2/flows/inbound?pageSize=500').then((r) => setFlows(r.entities)).catch(setError);
  }, []);

  const create = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const flow = await api('/api/v2/flows/inbound',
        { method: 'POST', body: { name: name.trim(), match: { isDefault, dnis: [], queues: [] }, steps: [] } });
      location.hash = `#/admin/flows/${encodeURIComponent(flow.id)}`;
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="admin flows-admin">
      <h2>Inbound flows</h2>
      <section aria-labelledby="new-flow-title" class="panel">
        <h3 id="new-flow-title">New flow</h3>
        <form class="inline-form" onSubmit={create}>
          <Field label="Flow name"><input value={name} required onInput={(e) => setName(e.currentTarget.value)} /></Field>
          <label class="checkbox">
            <input type="checkbox" checked={isDefault} onChange={(e) => setIsDefault(e.currentTarget.checked)} />
            Default flow (takes every interaction no other flow matches)
          </label>
          <div><button type="submit" disabled={busy || !name.trim()}>Create flow</button></div>
        </form>
        <ErrorMessage error={error} />
      </section>
      <section aria-labelledby="flows-title" class="panel">
        <h3 id="flows-title">Flows</h3>
        {flows === null ? (!error && <p class="muted" role="status">Loading…</p>) : flows.length === 0 ? <p class="muted">No inbound flow yet.</p> : (
          <table class="list">
            <thead><tr><th>Name</th><th>Matches</th><th>Published</th><th>Modified</th></tr></thead>
            <tbody>
              {flows.map((f) => (
                <tr key={f.id}>
                  <td><a href={`#/admin/flows/${encodeURIComponent(f.id)}`}>{f.name}</a></td>
                  <td>{matchSummary(f.draft?.match)}</td>
                  <td>{f.currentVersion ? `Version ${f.currentVersion}` : 'Not published'}</td>
                  <td>{f.modifiedAt ? new Date(f.modifiedAt).toLocaleString() : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
