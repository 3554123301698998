import { Field } from '../../shared/Field.jsx';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorMessage } from '../../shared/ErrorMessage.jsx';
import { useFocusFirst } from '../../shared/focusFirst.js';
import { ImportAction, typeName } from './ImportAction.jsx';

const CREDENTIAL_TYPES = [
  ['basicAuth', 'Basic authentication'],
  ['userDefined', 'User defined'],
  ['userDefinedOAuth', 'User defined (OAuth)'],
  ['pureCloudOAuthClient', 'Genesys Cloud OAuth client'],
];

export function Integrations() {
  const [list, setList] = useState(null);
  const [error, setError] = useState(null);
  const [status, setStatus] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState('purecloud-data-actions');
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(null);

  const load = () => api('/api/v2/integrations?pageSize=500')
    .then((r) => { setList(r.entities); setError(null); }).catch(setError);
  useEffect(() => { load(); }, []);

  const create = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api('/api/v2/integrations',
        { method: 'POST', body: { integrationType: { id: type }, name: name.trim() } });
      setStatus(`Integration “${created.name}” created.`);
      setName('');
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (integration) => {
    if (!confirm(`Delete the integration “${integration.name}”?`)) return;
    try {
      await api(`/api/v2/integrations/${encodeURIComponent(integration.id)}`, { method: 'DELETE' });
      setStatus(`Integration “${integration.name}” deleted.`);
      await load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <main class="admin actions-admin">
      <div class="actions-head">
        <h2>Integrations</h2>
        <a href="#/admin/actions">All data actions</a>
      </div>
      <section aria-labelledby="new-integration-title" class="panel">
        <h3 id="new-integration-title">New integration</h3>
        <form class="inline-form" onSubmit={create}>
          <Field label="Integration type">
            <select value={type} onChange={(e) => setType(e.currentTarget.value)}>
              <option value="purecloud-data-actions">Genesys Cloud Data Actions (purecloud-data-actions)</option>
              <option value="custom-rest-actions">Web Services Data Actions (custom-rest-actions)</option>
            </select>
          </Field>
          <Field label="Integration name">
            <input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
          </Field>
          <div><button type="submit" disabled={busy || !name.trim()}>Create integration</button></div>
        </form>
      </section>
      {status && <p class="notice success" role="status">{status}</p>}
      <ErrorMessage error={error} />
      <section aria-labelledby="integrations-title" class="panel">
        <h3 id="integrations-title">Integrations</h3>
        {list === null ? <p class="muted" role="status">Loading…</p> : list.length === 0 ? <p class="muted">No integration yet.</p> : (
          <table class="list">
            <thead><tr><th>Name</th><th>Type</th><th>Credentials</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.id}>
                  <td>{i.name}</td>
                  <td>{typeName(i.integrationType.id)}</td>
                  <td>{i.credentials ? `Set (${i.credentials.type}: ${i.credentials.fieldNames.join(', ')})` : 'Not set'}</td>
                  <td class="row-buttons">
                    <button type="button" class="link" aria-label={`Set credentials of ${i.name}`} onClick={() => setEditing(i.id)}>Set credentials</button>
                    <button type="button" class="link" aria-label={`Delete integration ${i.name}`} onClick={() => remove(i)}>Delete</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {editing && list && list.find((i) => i.id === editing) && (
        <CredentialsForm key={editing}
          integration={list.find((i) => i.id === editing)}
          onDone={(message) => { setEditing(null); if (message) { setStatus(message); load(); } }}
        />
      )}
      <ImportAction integrations={list} />
    </main>
  );
}

// Write-only: the values typed here are sent once and never shown again; the API answers field names only.
function CredentialsForm({ integration, onDone }) {
  const [type, setType] = useState(integration.credentials?.type || 'basicAuth');
  const [fields, setFields] = useState(() => initialFields(integration, integration.credentials?.type || 'basicAuth'));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const form = useFocusFirst();

  const changeType = (next) => { setType(next); setFields(initialFields(integration, next)); };
  const setField = (index, patch) => setFields(fields.map((f, i) => (i === index ? { ...f, ...patch } : f)));

  const submit = async (e) => {
    e.preventDefault();
    const credentialFields = {};
    for (const f of fields) {
      if (!f.name.trim()) continue;
      credentialFields[f.name.trim()] = f.value;
    }
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v2/integrations/${encodeURIComponent(integration.id)}/credentials`,
        { method: 'PUT', body: { type, credentialFields } });
      setFields(fields.map((f) => ({ ...f, value: '' })));
      onDone(`Credentials of “${integration.name}” saved.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fixed = type === 'basicAuth';
  return (
    <section aria-labelledby="credentials-title" class="panel">
      <h3 id="credentials-title">Credentials of {integration.name}</h3>
      <p class="muted">
        {integration.credentials
          ? `Set: ${integration.credentials.fieldNames.join(', ')}. Saving replaces them all; values are never shown back.`
          : 'Not set. Values are stored encrypted and never shown back.'}
      </p>
      <form class="inline-form" onSubmit={submit} autocomplete="off" ref={form}>
        <Field label="Credential type">
          <select value={type} onChange={(e) => changeType(e.currentTarget.value)}>
            {CREDENTIAL_TYPES.map(([id, label]) => <option key={id} value={id}>{label}</option>)}
          </select>
        </Field>
        {fields.map((f, index) => (
          <div class="credential-row" key={index}>
            {fixed ? null : (
              <Field label={`Field name ${index + 1}`}>
                <input value={f.name} onInput={(e) => setField(index, { name: e.currentTarget.value })} />
              </Field>
            )}
            <Field label={fixed ? f.label : `Value of field ${index + 1}`}>
              <input type="password" autocomplete="new-password" value={f.value}
                placeholder={f.set ? 'set (type to replace)' : 'not set'}
                onInput={(e) => setField(index, { value: e.currentTarget.value })} />
            </Field>
            {!fixed && (
              <button type="button" class="link" aria-label={`Remove field ${index + 1}`}
                onClick={() => setFields(fields.filter((_, i) => i !== index))}>Remove</button>
            )}
          </div>
        ))}
        {!fixed && (
          <div><button type="button" class="link" onClick={() => setFields([...fields, { name: '', value: '' }])}>Add field</button></div>
        )}
        <div class="row-buttons">
          <button type="submit" disabled={busy}>Save credentials</button>
          <button type="button" class="link" onClick={() => onDone(null)}>Cancel</button>
        </div>
        <ErrorMessage error={error} />
      </form>
    </section>
  );
}

function initialFields(integration, type) {
  const setNames = integration.credentials?.type === type ? integration.credentials.fieldNames : [];
  if (type === 'basicAuth') {
    return [
      { name: 'userName', label: 'User name', value: '', set: setNames.includes('userName') },
      { name: 'password', label: 'Password', value: '', set: setNames.includes('password') },
    ];
  }
  const names = setNames.length ? setNames : [''];
  return names.map((name) => ({ name, value: '', set: setNames.includes(name) }));
}
