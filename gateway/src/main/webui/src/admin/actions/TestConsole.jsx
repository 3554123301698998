import { Field } from '../../shared/Field.jsx';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorMessage } from '../../shared/ErrorMessage.jsx';
import { JsonView } from './JsonView.jsx';

// Runs the saved draft or the latest published version through /draft/test or /test and shows every step.
export function TestConsole({ actionId, draft, published, dirty, save, onRan }) {
  const canDraft = !!draft || dirty;
  const [mode, setMode] = useState(canDraft ? 'draft' : 'published');
  const [values, setValues] = useState({});
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [tables, setTables] = useState([]);

  useEffect(() => {
    api('/api/v2/flows/datatables?pageSize=100').then((r) => setTables(r.entities)).catch(() => setTables([]));
  }, []);
  useEffect(() => {
    if (mode === 'draft' && !canDraft) setMode('published');
    if (mode === 'published' && !published) setMode('draft');
  }, [canDraft, published]);

  const target = mode === 'draft' ? draft || published : published;
  const schema = target?.contract?.input?.inputSchema || {};
  const properties = Object.entries(schema.properties || {});
  const required = new Set(schema.required || []);

  const run = async (e) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    let input;
    try {
      input = inputOf(properties, values);
    } catch (err) {
      setError(err);
      return;
    }
    setBusy(true);
    try {
      if (mode === 'draft' && dirty && !(await save())) {
        setError(new Error('The draft could not be saved, so it was not tested (see the error above).'));
        return;
      }
      const path = mode === 'draft' ? 'draft/test' : 'test';
      setResult(await api(`/api/v2/integrations/actions/${encodeURIComponent(actionId)}/${path}`,
        { method: 'POST', body: input }));
      onRan();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="test-title" class="panel">
      <h3 id="test-title">Test</h3>
      <form class="test-form" onSubmit={run}>
        <fieldset class="radios">
          <legend>Run</legend>
          <label class="radio"><input type="radio" name="test-mode" checked={mode === 'draft'} disabled={!canDraft}
            onChange={() => setMode('draft')} />The draft{dirty ? ' (saved first)' : ''}</label>
          <label class="radio"><input type="radio" name="test-mode" checked={mode === 'published'} disabled={!published}
            onChange={() => setMode('published')} />{published ? `Published version ${published.version}` : 'Published version (none yet)'}</label>
        </fieldset>
        {properties.length === 0 && <p class="muted">The input contract declares no fields: the test sends {'{}'}.</p>}
        <div class="test-inputs">
          {properties.map(([name, prop]) => (
            <InputField key={name} name={name} prop={prop} required={required.has(name)} tables={tables}
              value={values[name] ?? ''} onChange={(v) => setValues({ ...values, [name]: v })} />
          ))}
        </div>
        {mode === 'draft' && dirty && <p class="muted">Fields come from the saved contract; your edits are saved before the test runs.</p>}
        <div><button type="submit" disabled={busy}>{busy ? 'Running…' : 'Run test'}</button></div>
      </form>
      <ErrorMessage error={error} />
      {result && <TestResult result={result} />}
    </section>
  );
}

function InputField({ name, prop, required, value, onChange, tables }) {
  const type = Array.isArray(prop.type) ? prop.type.find((t) => t !== 'null') : prop.type;
  const hint = [type || 'any', required ? 'required' : null, prop.description].filter(Boolean).join(' · ');
  const listId = type !== 'boolean' && type !== 'object' && type !== 'array' && /table/i.test(name) && tables.length
    ? `test-datatables-${name}` : undefined;
  let control;
  if (type === 'boolean') {
    control = (
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)} required={required}>
        <option value="">(not sent)</option><option value="true">true</option><option value="false">false</option>
      </select>
    );
  } else if (type === 'object' || type === 'array') {
    control = <textarea class="code" rows={3} value={value} placeholder={type === 'array' ? '[ ]' : '{ }'}
      onInput={(e) => onChange(e.currentTarget.value)} />;
  } else {
    control = (
      <input value={value} required={required} list={listId}
        inputMode={type === 'number' || type === 'integer' ? 'decimal' : undefined}
        onInput={(e) => onChange(e.currentTarget.value)} />
    );
  }
  return (
    <>
      <Field label={name} hint={hint}>{control}</Field>
      {listId && <datalist id={listId}>{tables.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</datalist>}
    </>
  );
}

/** The test input: strings as typed (empty ones sent as "" unless the contract constrains them), others parsed. */
function inputOf(properties, values) {
  const input = {};
  for (const [name, prop] of properties) {
    const raw = values[name] ?? '';
    const type = Array.isArray(prop.type) ? prop.type.find((t) => t !== 'null') : prop.type;
    if (type === 'number' || type === 'integer') {
      if (raw.trim() === '') continue;
      const n = Number(raw);
      if (Number.isNaN(n)) throw new Error(`${name} must be a number`);
      input[name] = n;
    } else if (type === 'boolean') {
      if (raw !== '') input[name] = raw === 'true';
    } else if (type === 'object' || type === 'array') {
      if (raw.trim() === '') continue;
      try {
        input[name] = JSON.parse(raw);
      } catch (err) {
        throw new Error(`${name} is not valid JSON: ${err.message}`);
      }
    } else if (raw !== '' || !(prop.pattern || prop.minLength || prop.format || prop.enum)) {
      input[name] = raw;
    }
  }
  return input;
}

function TestResult({ result }) {
  const ops = result.operations || [];
  const failed = ops.findIndex((op) => !op.success);
  return (
    <section class="test-result" aria-labelledby="test-result-title">
      <h4 id="test-result-title">Test result</h4>
      <p role="status" class={`notice ${result.success ? 'success' : 'error'}`}>
        {result.success ? 'Success' : `Failed${result.error ? `: ${result.error.message}` : ''}`}
      </p>
      <ol class="steps" aria-label="Steps of the run">
        {ops.map((op, i) => (
          <li key={i} class={op.success ? 'ok' : 'failed'}>
            <details open={!op.success || i === failed || i === ops.length - 1}>
              <summary>
                <span class="step-name">{op.name}</span>{' '}
                <span class={`badge ${op.success ? 'step-ok' : 'step-failed'}`}>{op.success ? 'success' : 'failed'}</span>
              </summary>
              {op.success ? <Output value={op.result} /> : <JsonView value={op.error} label="Error" />}
            </details>
          </li>
        ))}
      </ol>
      {result.success && (
        <div class="final-result">
          <h5>Result</h5>
          <JsonView value={result.finalResult} />
        </div>
      )}
    </section>
  );
}

function Output({ value }) {
  if (typeof value === 'string') return <pre class="code-block">{value}</pre>;
  return <JsonView value={value} />;
}
