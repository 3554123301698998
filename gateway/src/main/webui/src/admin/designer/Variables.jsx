// The script's variables: basic, dynamic (an expression, checked and evaluated as it is typed) and list; type,
// input/output flags, default value. Renaming a variable rewrites every reference to it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { renameVariable, variableNameProblem, variableNames } from './model.js';
import { Check, Choice } from './Properties.jsx';
import { VariableText } from './VariableText.jsx';
import { Sr } from './Sr.jsx';

const EMPTY = { name: '', type: 'string', kind: 'basic', input: false, output: false, default: '', expression: '', description: '' };

function defaultText(v) {
  if (v.default == null) return '';
  return Array.isArray(v.default) ? v.default.map(String).join('\n') : String(v.default);
}

function toForm(v) {
  return { ...EMPTY, ...v, kind: v.kind || 'basic', default: defaultText(v), expression: v.expression || '', description: v.description || '' };
}

function parseScalar(type, text) {
  if (type === 'number') {
    const n = Number(text);
    if (text.trim() === '' || Number.isNaN(n)) throw new Error(`“${text}” is not a number`);
    return n;
  }
  if (type === 'boolean') return text === 'true';
  return text;
}

/** The variable as the script format stores it, or throws with what is wrong. */
function fromForm(form) {
  const v = { name: form.name.trim(), type: form.type, kind: form.kind, input: form.input, output: form.output };
  if (form.description.trim()) v.description = form.description.trim();
  if (form.kind === 'dynamic') {
    v.expression = form.expression;
    v.input = false;
  } else if (form.kind === 'list') {
    const items = form.default.split('\n').map((l) => l.trim()).filter(Boolean);
    if (items.length) v.default = items.map((i) => parseScalar(form.type, i));
  } else if (form.default !== '' && !(form.type === 'boolean' && form.default === 'false')) {
    v.default = parseScalar(form.type, form.default);
  }
  return v;
}

/** Sample values for evaluating an expression: each variable's default. */
export function samplesOf(script) {
  const out = {};
  for (const v of script.variables || []) {
    if (v.kind === 'dynamic') continue;
    const fallback = v.kind === 'list' ? [] : v.type === 'number' ? 0 : v.type === 'boolean' ? false : '';
    out[v.name] = { type: v.type, value: v.default ?? fallback };
  }
  return out;
}

export function Variables({ script, update, focusName, onFocused }) {
  const [editing, setEditing] = useState(null); // {previous: name|null, form}
  const [error, setError] = useState(null);
  const nameInput = useRef(null);
  const vars = script.variables || [];
  // the form that opens takes the focus (autofocus works only once a page)
  const opened = editing ? `variable:${editing.previous}` : null;
  useEffect(() => { if (opened && nameInput.current) nameInput.current.focus(); }, [opened]);

  useEffect(() => {
    if (!focusName) return;
    const v = vars.find((x) => x.name === focusName);
    if (v) setEditing({ previous: v.name, form: toForm(v) });
    onFocused();
  }, [focusName]);

  const save = (e) => {
    e.preventDefault();
    const { previous, form } = editing;
    const problem = variableNameProblem(script, form.name, previous);
    if (problem) {
      setError(problem);
      return;
    }
    let v;
    try {
      v = fromForm(form);
    } catch (err) {
      setError(`Default value: ${err.message}`);
      return;
    }
    if (v.kind === 'dynamic' && !v.expression.trim()) {
      setError('A dynamic variable needs an expression.');
      return;
    }
    update((s) => {
      s.variables = s.variables || [];
      if (previous == null) {
        s.variables.push(v);
      } else {
        if (previous !== v.name) renameVariable(s, previous, v.name);
        const at = s.variables.findIndex((x) => x.name === v.name);
        s.variables[at] = v;
      }
    });
    setEditing(null);
    setError(null);
  };
  const remove = (name) => {
    update((s) => { s.variables = s.variables.filter((x) => x.name !== name); });
    if (editing && editing.previous === name) setEditing(null);
  };
  const set = (key, value) => setEditing({ ...editing, form: { ...editing.form, [key]: value } });

  return (
    <div class="d-variables">
      {!editing && <button type="button" onClick={() => { setEditing({ previous: null, form: { ...EMPTY } }); setError(null); }}>New variable</button>}
      {editing && (
        <form class="d-var-form" onSubmit={save}>
          <h3>{editing.previous == null ? 'New variable' : `Edit “${editing.previous}”`}</h3>
          <label class="field">
            <span class="label">Variable name</span>
            <input ref={nameInput} value={editing.form.name} onInput={(e) => set('name', e.currentTarget.value)} maxLength={128}
              aria-invalid={error && error.includes('name') ? 'true' : undefined} />
          </label>
          <Choice label="Type" value={editing.form.type} onChange={(v) => set('type', v)}
            options={[['string', 'String'], ['number', 'Number'], ['boolean', 'Boolean']]} />
          <Choice label="Kind" value={editing.form.kind} onChange={(v) => set('kind', v)}
            options={[['basic', 'Basic'], ['dynamic', 'Dynamic (computed)'], ['list', 'List']]} />
          {editing.form.kind !== 'dynamic' && <Check label="Input" checked={editing.form.input} onChange={(v) => set('input', v)} />}
          <Check label="Output" checked={editing.form.output} onChange={(v) => set('output', v)} />
          {editing.form.kind === 'dynamic' ? (
            <ExpressionField script={script} name={editing.form.name} value={editing.form.expression}
              onChange={(v) => set('expression', v)} />
          ) : editing.form.kind === 'list' ? (
            <label class="field">
              <span class="label">Default items, one a line</span>
              <textarea rows={3} value={editing.form.default} onInput={(e) => set('default', e.currentTarget.value)} />
            </label>
          ) : editing.form.type === 'boolean' ? (
            <Choice label="Default value" value={editing.form.default === 'true' ? 'true' : 'false'} onChange={(v) => set('default', v)}
              options={[['false', 'false'], ['true', 'true']]} />
          ) : (
            <label class="field">
              <span class="label">Default value</span>
              <input type={editing.form.type === 'number' ? 'number' : 'text'} value={editing.form.default}
                onInput={(e) => set('default', e.currentTarget.value)} />
            </label>
          )}
          <label class="field">
            <span class="label">Description</span>
            <input value={editing.form.description} onInput={(e) => set('description', e.currentTarget.value)} />
          </label>
          {error && <p class="error" role="alert">{error}</p>}
          <div class="d-row">
            <button type="submit">{editing.previous == null ? 'Add variable' : 'Save variable'}</button>
            <button type="button" class="link" onClick={() => { setEditing(null); setError(null); }}>Cancel</button>
          </div>
        </form>
      )}
      {vars.length === 0 ? <p class="muted">No variable yet.</p> : (
        <ul class="d-var-list">
          {vars.map((v) => (
            <li key={v.name} class={editing && editing.previous === v.name ? 'current' : ''}>
              <span class="d-var-name">{v.name}</span>
              <span class="muted d-small">
                {v.type}{v.kind && v.kind !== 'basic' ? `, ${v.kind}` : ''}{v.input ? ', input' : ''}{v.output ? ', output' : ''}
              </span>
              <span class="d-var-buttons">
                <button type="button" class="link"
                  onClick={() => { setEditing({ previous: v.name, form: toForm(v) }); setError(null); }}>Edit<Sr> variable {v.name}</Sr></button>
                <button type="button" class="link danger" onClick={() => remove(v.name)}>Delete<Sr> variable {v.name}</Sr></button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// The expression of a dynamic variable, evaluated by script-service 400 ms after the last keystroke, with the
// variables' defaults as sample values; an error is shown at its position.
function ExpressionField({ script, name, value, onChange }) {
  const [result, setResult] = useState(null); // {valid, value, error} | {unavailable: message}
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    if (!value.trim()) {
      setResult(null);
      return undefined;
    }
    let stale = false;
    setChecking(true);
    const timer = setTimeout(async () => {
      try {
        const variables = samplesOf(script);
        delete variables[name];
        const answer = await api('/api/v2/scripts/expressions/evaluate',
          { method: 'POST', body: { expression: value, variables } });
        if (!stale) setResult(answer);
      } catch (err) {
        if (!stale) {
          setResult({ unavailable: err.status === 400 ? err.message : 'The expression cannot be checked now.' });
        }
      } finally {
        if (!stale) setChecking(false);
      }
    }, 400);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [value]);
  const position = result && result.error && result.error.position;
  return (
    <div class="d-expression">
      <VariableText label="Expression" value={value} onChange={onChange} multiline rows={3}
        variables={variableNames(script, { builtins: false }).filter((n) => n !== name)}
        invalid={result && result.valid === false} describedBy="d-expression-result"
        placeholder="concat('Hi ', {{CustomerName}})" />
      <div id="d-expression-result" class="d-expression-result">
        {checking && <span class="muted" role="status">Checking…</span>}
        {!checking && result && result.unavailable && <span class="warning" role="status">{result.unavailable}</span>}
        {!checking && result && result.valid === true && (
          <span class="d-ok" role="status">Value with the defaults: <code>{JSON.stringify(result.value)}</code>{result.type ? ` (${result.type})` : ''}</span>
        )}
        {!checking && result && result.valid === false && (
          <div role="alert">
            <span class="error">{position ? `Error at character ${position}: ` : 'Error: '}{result.error.message}</span>
            {position && (
              <pre class="d-where" aria-hidden="true">{value.slice(0, position - 1)}<mark>{value.slice(position - 1, position) || ' '}</mark>{value.slice(position)}</pre>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
