// Wrap-up codes (Genesys's /api/v2/routing/wrapupcodes): what agents pick when an interaction leaves them. Admins
// add, rename and delete them here; names are unique (the server says so when one is taken).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Field } from '../shared/Field.jsx';

const BASE = '/api/v2/routing/wrapupcodes';

export function WrapupCodesAdmin() {
  const [codes, setCodes] = useState(null);
  const [error, setError] = useState(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [nameError, setNameError] = useState(null);

  const load = () => api(`${BASE}?pageSize=500`).then((l) => setCodes(l.entities || []))
    .catch((e) => setError(`The wrap-up codes could not be loaded: ${e.message}`));
  useEffect(() => { load(); }, []);

  const add = async (e) => {
    e.preventDefault();
    setNameError(null);
    setError(null);
    try {
      await api(BASE, { method: 'POST', body: { name, description: description || undefined } });
      setName('');
      setDescription('');
      await load();
    } catch (err) {
      setNameError(err.message);
    }
  };

  return (
    <main class="admin">
      <h1>Wrap-up codes</h1>
      <p class="muted">
        What agents choose when an interaction leaves them, on scripts and queues that require a wrap-up.
      </p>
      {error && <p class="error" role="alert">{error}</p>}
      <form class="d-inline-form" onSubmit={add} aria-label="Add a wrap-up code">
        <Field label="Name of the new code" error={nameError}>
          <input value={name} maxLength={256} required onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field label="Description">
          <input value={description} maxLength={1024} onInput={(e) => setDescription(e.currentTarget.value)} />
        </Field>
        <button type="submit">Add code</button>
      </form>
      {codes && codes.length === 0 && <p class="muted">No wrap-up codes yet.</p>}
      {codes && codes.length > 0 && (
        <ul class="wrapup-codes" aria-label="Wrap-up codes">
          {codes.map((c) => <CodeRow key={c.id} code={c} onChanged={load} onError={setError} />)}
        </ul>
      )}
    </main>
  );
}

function CodeRow({ code, onChanged, onError }) {
  const [name, setName] = useState(code.name);
  const [error, setError] = useState(null);
  const save = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      await api(`${BASE}/${encodeURIComponent(code.id)}`, { method: 'PUT', body: { ...code, name } });
      await onChanged();
    } catch (err) {
      setError(err.message);
    }
  };
  const remove = async () => {
    try {
      await api(`${BASE}/${encodeURIComponent(code.id)}`, { method: 'DELETE' });
      await onChanged();
    } catch (err) {
      onError(`${code.name} was not deleted: ${err.message}`);
    }
  };
  return (
    <li data-code={code.id}>
      <form class="d-inline-form" onSubmit={save}>
        <Field label={`Name of code ${code.name}`} error={error}>
          <input value={name} maxLength={256} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <button type="submit" disabled={name === code.name}>Rename</button>
        <button type="button" class="link danger" onClick={remove}>Delete {code.name}</button>
      </form>
      {code.description && <p class="muted">{code.description}</p>}
    </li>
  );
}
