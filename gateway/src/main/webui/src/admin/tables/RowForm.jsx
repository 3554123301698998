import { useState } from 'preact/hooks';
import { describe } from './tableApi.js';
import { parseValue, showValue } from './schema.js';

function blank(columns) {
  const values = { key: '' };
  columns.forEach((c) => { values[c.name] = c.type === 'boolean' ? c.default === true : ''; });
  return values;
}

/** A new row: the key and every column, labelled as the schema labels them. Blank fields take their defaults. */
export function RowForm({ keyLabel, columns, onAdd }) {
  const [values, setValues] = useState(() => blank(columns));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = (name, value) => setValues({ ...values, [name]: value });

  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    const key = values.key.trim();
    if (!key) { setError(`The row needs its ${keyLabel}`); return; }
    const body = { key };
    try {
      columns.forEach((c) => {
        const v = c.type === 'boolean' ? values[c.name] : parseValue(c.type, values[c.name], c.title);
        // A blank field is left out so that it takes the column's default.
        if (v !== undefined && v !== '') body[c.name] = v;
      });
    } catch (err) {
      setError(err.message);
      return;
    }
    setBusy(true);
    try {
      await onAdd(body);
      setValues(blank(columns));
    } catch (err) {
      setError(err.status === 409 ? `A row with ${keyLabel} ${key} exists already.` : describe(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="row-form" aria-label="New row" onSubmit={submit} noValidate>
      <label class="field">
        <span class="label">{keyLabel}</span>
        <input value={values.key} required onInput={(e) => set('key', e.currentTarget.value)} />
      </label>
      {columns.map((c) => (c.type === 'boolean' ? (
        <label class="field checkbox" key={c.name}>
          <input type="checkbox" checked={values[c.name]} onChange={(e) => set(c.name, e.currentTarget.checked)} />
          <span>{c.title}</span>
        </label>
      ) : (
        <label class="field" key={c.name}>
          <span class="label">{c.title}</span>
          <input type={c.type === 'string' ? 'text' : 'number'} step={c.type === 'integer' ? 1 : 'any'}
            value={values[c.name]} placeholder={showValue(c.default)}
            onInput={(e) => set(c.name, e.currentTarget.value)} />
        </label>
      )))}
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit" disabled={busy}>{busy ? 'Adding…' : 'Add row'}</button>
    </form>
  );
}
