import { useRef, useState } from 'preact/hooks';
import { useFocusFirst } from '../../shared/focusFirst.js';
import { describe } from './tableApi.js';
import { parseValue, showValue, valueProblem } from './schema.js';
import { TypedField } from './TypedInput.jsx';

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
  const form = useFocusFirst();
  const keyInput = useRef(null);
  const set = (name, value) => setValues({ ...values, [name]: value });

  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    const key = values.key.trim();
    if (!key) { setError(`The row needs its ${keyLabel}`); return; }
    const wrong = columns.filter((c) => c.type !== 'boolean' && valueProblem(c.type, values[c.name], c.title));
    if (wrong.length) {
      setError(`The row was not added: correct ${wrong.map((c) => c.title).join(', ')} first.`);
      return;
    }
    const body = { key };
    columns.forEach((c) => {
      const v = c.type === 'boolean' ? values[c.name] : parseValue(c.type, values[c.name], c.title);
      // A blank field is left out so that it takes the column's default.
      if (v !== undefined && v !== '') body[c.name] = v;
    });
    setBusy(true);
    try {
      await onAdd(body);
      setValues(blank(columns));
      if (keyInput.current) keyInput.current.focus(); // ready for the next row
    } catch (err) {
      setError(err.status === 409 ? `A row with ${keyLabel} ${key} exists already.` : describe(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="row-form" aria-label="New row" onSubmit={submit} noValidate ref={form}>
      <label class="field">
        <span class="label">{keyLabel}</span>
        <input ref={keyInput} value={values.key} required onInput={(e) => set('key', e.currentTarget.value)} />
      </label>
      {columns.map((c) => (c.type === 'boolean' ? (
        <label class="field checkbox" key={c.name}>
          <input type="checkbox" checked={values[c.name]} onChange={(e) => set(c.name, e.currentTarget.checked)} />
          <span>{c.title}</span>
        </label>
      ) : (
        <TypedField key={c.name} label={c.title} type={c.type} value={values[c.name]} what={c.title}
          placeholder={showValue(c.default)} onValue={(v) => set(c.name, v)} />
      )))}
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit" disabled={busy}>{busy ? 'Adding…' : 'Add row'}</button>
    </form>
  );
}
