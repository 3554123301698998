import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { Field } from '../../shared/Field.jsx';
import { focusFirstIn } from '../../shared/focusFirst.js';
import { uuid } from '../../shared/uuid.js';
import { QueueStep } from './QueueStep.jsx';
import { STEP_TYPES, branchesOf, fromModel as modelFrom, newStep as modelStep, toModel, typeLabel } from './stepModel.js';
import { DisconnectStep, LogicStep } from './LogicSteps.jsx';

export { STEP_TYPES, toModel };
const BRANCHES = branchesOf('dataTableLookup');

const key = () => `s${uuid()}`;

/** API steps → editor steps: a stable key each, maps as editable rows (stepModel.js). */
export const fromModel = (steps = []) => modelFrom(steps, key);
const newStep = (type) => modelStep(type, key);

/**
 * A list of steps. `listName` names its add controls ("Flow steps", "Found (step 1)"); `path` prefixes the names of
 * its steps ("Step 1", "Step 1 found step 2"); `vars` are the flow variables set on this path; `tableId` the table of
 * the enclosing lookup (offered for inputs such as DataTableID).
 */
export function StepList({ steps, onChange, listName, path, vars, tableId, catalog }) {
  const [type, setType] = useState('dataTableLookup');
  const [added, setAdded] = useState(false);
  const list = useRef(null);
  const listId = useId();
  // A step just added takes the focus to its first field, as any form that opens.
  useEffect(() => {
    if (added) focusFirstIn(list.current && list.current.lastElementChild);
    setAdded(false);
  }, [steps.length]);
  const replace = (i, step) => onChange(steps.map((s, j) => (j === i ? step : s)));
  const move = (i, by) => {
    const next = [...steps];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s);
    onChange(next);
  };
  const suggestions = [
    '{{Call.Ani}}', '{{Call.Dnis}}', '{{Call.InteractionId}}', ...vars.map((v) => `{{Flow.${v}}}`),
    ...(tableId ? [tableId] : []),
  ];
  return (
    <div class="step-list">
      <datalist id={listId}>{suggestions.map((s) => <option key={s} value={s} />)}</datalist>
      {steps.length === 0 && <p class="muted">No steps.</p>}
      <ol ref={list}>
        {steps.map((step, i) => {
          const name = `${path}${i + 1}`;
          return (
            <li key={step._key}>
              <fieldset class="step">
                <legend>{name}: {typeLabel(step.type)}</legend>
                <div class="step-buttons">
                  <button type="button" class="link" disabled={i === 0} aria-label={`Move ${name} up`} onClick={() => move(i, -1)}>Up</button>
                  <button type="button" class="link" disabled={i === steps.length - 1} aria-label={`Move ${name} down`} onClick={() => move(i, 1)}>Down</button>
                  <button type="button" class="link danger" aria-label={`Remove ${name}`} onClick={() => onChange(steps.filter((_, j) => j !== i))}>Remove</button>
                </div>
                <StepEditor step={step} onChange={(s) => replace(i, s)} name={name} vars={vars} tableId={tableId}
                  catalog={catalog} listId={listId} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div class="add-step">
        <Field label={`New step in ${listName}`}>
          <select value={type} onChange={(e) => setType(e.currentTarget.value)}>
            {STEP_TYPES.map(([t, label]) => <option key={t} value={t}>{label}</option>)}
          </select>
        </Field>
        <button type="button" aria-label={`Add step to ${listName}`} onClick={() => { setAdded(true); onChange([...steps, newStep(type)]); }}>Add step</button>
      </div>
    </div>
  );
}

function StepEditor(props) {
  switch (props.step.type) {
    case 'dataTableLookup': return <LookupStep {...props} />;
    case 'screenPop': return <ScreenPopStep {...props} />;
    case 'setParticipantData': return <ParticipantDataStep {...props} />;
    case 'transferToQueue': return <QueueStep {...props} />;
    case 'disconnect': return <DisconnectStep />;
    default:
      if (STEP_TYPES.some(([t]) => t === props.step.type)) return <LogicStep {...props} StepList={StepList} />;
      return <p class="error">Unknown step type {props.step.type}</p>;
  }
}

function LookupStep({ step, onChange, name, vars, catalog, listId }) {
  const table = catalog.tables.find((t) => t.id === step.tableId);
  const columns = table ? Object.entries(table.schema?.properties || {})
    .sort(([, a], [, b]) => (a.displayOrder ?? 0) - (b.displayOrder ?? 0)).map(([c]) => c) : [];
  const variableOf = (column) => Object.entries(step.outputs).find(([, c]) => c === column)?.[0] || '';
  const setVariable = (column, variable) => {
    const outputs = Object.fromEntries(Object.entries(step.outputs).filter(([, c]) => c !== column));
    if (variable.trim()) outputs[variable.trim()] = column;
    onChange({ ...step, outputs });
  };
  const sameNames = () => {
    const outputs = { ...step.outputs };
    for (const c of columns) if (c !== 'key' && !variableOf(c)) outputs[c] = c;
    onChange({ ...step, outputs });
  };
  const foundVars = [...new Set([...vars, ...Object.keys(step.outputs)])];
  const unknown = Object.entries(step.outputs).filter(([, c]) => !columns.includes(c));
  const stepNumber = name.replace(/^Step /, '');
  return (
    <div class="step-body">
      <div class="grid2">
        <Field label="Data table" hint={step.tableId ? `Table id: ${step.tableId}` : undefined}>
          <select value={step.tableId} onChange={(e) => onChange({ ...step, tableId: e.currentTarget.value })}>
            <option value="">Choose a data table…</option>
            {step.tableId && !table && <option value={step.tableId}>Unknown table {step.tableId}</option>}
            {catalog.tables.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </Field>
        <Field label="Lookup key" hint="An expression, usually {{Call.Ani}} (the caller's number)">
          <input class="code" list={listId} value={step.key} placeholder="{{Call.Ani}}"
            onInput={(e) => onChange({ ...step, key: e.currentTarget.value })} />
        </Field>
      </div>
      {columns.length > 0 && (
        <fieldset class="outputs">
          <legend>Outputs: column → flow variable (empty: not copied)</legend>
          <div class="output-grid">
            {columns.map((c) => (
              <Field key={c} label={`Flow variable for column ${c}`}>
                <input value={variableOf(c)} onInput={(e) => setVariable(c, e.currentTarget.value)} />
              </Field>
            ))}
          </div>
          <div><button type="button" class="link" onClick={sameNames}>Map columns to variables of the same name</button></div>
          {unknown.length > 0 && (
            <p class="warning">Not columns of this table: {unknown.map(([v, c]) => `${v} ← ${c}`).join(', ')}</p>
          )}
        </fieldset>
      )}
      {BRANCHES.map(([branch, label]) => (
        <fieldset class="branch" key={branch}>
          <legend>{label}</legend>
          <StepList steps={step[branch]} onChange={(list) => onChange({ ...step, [branch]: list })}
            listName={`${label} (step ${stepNumber})`} path={`${name} ${label.toLowerCase()} step `}
            vars={branch === 'found' ? foundVars : vars} tableId={step.tableId || undefined} catalog={catalog} />
        </fieldset>
      ))}
    </div>
  );
}

function ScreenPopStep({ step, onChange, vars, tableId, catalog, listId }) {
  const [inputs, setInputs] = useState(null); // the script's input variable names, null while unknown
  const [error, setError] = useState(null);
  useEffect(() => {
    setInputs(null);
    setError(null);
    if (!step.scriptId) return;
    catalog.scriptInputs(step.scriptId).then(setInputs).catch((err) => setError(err.message));
  }, [step.scriptId]);
  const setInput = (name, value) => onChange({ ...step, inputs: { ...step.inputs, [name]: value } });
  const removeInput = (name) => {
    const next = { ...step.inputs };
    delete next[name];
    onChange({ ...step, inputs: next });
  };
  const fillByName = () => {
    const next = { ...step.inputs };
    for (const n of inputs || []) {
      if (next[n]) continue;
      if (vars.includes(n)) next[n] = `{{Flow.${n}}}`;
      else if (/^ani$/i.test(n)) next[n] = '{{Call.Ani}}';
      else if (/^dnis$/i.test(n)) next[n] = '{{Call.Dnis}}';
      else if (/table.?id$/i.test(n) && tableId) next[n] = tableId;
    }
    onChange({ ...step, inputs: next });
  };
  const known = catalog.scripts.find((s) => s.id === step.scriptId);
  const extra = Object.keys(step.inputs).filter((n) => inputs && !inputs.includes(n));
  return (
    <div class="step-body">
      <Field label="Script to show" hint="Published scripts; the agent sees the version current when the call starts">
        <select value={step.scriptId} onChange={(e) => onChange({ ...step, scriptId: e.currentTarget.value })}>
          <option value="">Choose a script…</option>
          {step.scriptId && !known && <option value={step.scriptId}>Unknown or unpublished script {step.scriptId}</option>}
          {catalog.scripts.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </Field>
      {error && <p class="error" role="alert">{error}</p>}
      {step.scriptId && inputs === null && !error && <p class="muted" role="status">Reading the script's input variables…</p>}
      {inputs && inputs.length === 0 && <p class="muted">This script has no input variables.</p>}
      {inputs && inputs.length > 0 && (
        <fieldset class="outputs">
          <legend>Script inputs: each bound to an expression (empty: not passed)</legend>
          <div class="output-grid">
            {inputs.map((n) => (
              <Field key={n} label={`Script input ${n}`}>
                <input class="code" list={listId} value={step.inputs[n] ?? ''} onInput={(e) => setInput(n, e.currentTarget.value)} />
              </Field>
            ))}
          </div>
          <div><button type="button" class="link" onClick={fillByName}>Fill empty inputs by name</button></div>
        </fieldset>
      )}
      {extra.map((n) => (
        <p class="warning" key={n}>
          “{n}” = {step.inputs[n]} is not an input of this script.{' '}
          <button type="button" class="link" aria-label={`Remove binding ${n}`} onClick={() => removeInput(n)}>Remove</button>
        </p>
      ))}
    </div>
  );
}

function ParticipantDataStep({ step, onChange, name, listId }) {
  const rows = step.rows || [];
  const setRow = (i, patch) => onChange({ ...step, rows: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const expressionRows = step.expressionRows || [];
  const setExpressionRow = (i, patch) => onChange({ ...step,
    expressionRows: expressionRows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <div class="step-body">
      <p class="muted">Values are text with {'{{…}}'} references; expressions (below) are computed.</p>
      {rows.map((r, i) => (
        <div class="attribute-row" key={i}>
          <Field label={`Attribute ${i + 1} name`}><input value={r.name} onInput={(e) => setRow(i, { name: e.currentTarget.value })} /></Field>
          <Field label={`Attribute ${i + 1} value`}>
            <input class="code" list={listId} value={r.value} onInput={(e) => setRow(i, { value: e.currentTarget.value })} />
          </Field>
          <button type="button" class="link" aria-label={`Remove attribute ${i + 1} of ${name}`}
            onClick={() => onChange({ ...step, rows: rows.filter((_, j) => j !== i) })}>Remove</button>
        </div>
      ))}
      <div><button type="button" class="link" onClick={() => onChange({ ...step, rows: [...rows, { name: '', value: '' }] })}>Add attribute</button></div>
      {expressionRows.map((r, i) => (
        <div class="attribute-row" key={`e${i}`}>
          <Field label={`Computed attribute ${i + 1} name`}>
            <input value={r.name} onInput={(e) => setExpressionRow(i, { name: e.currentTarget.value })} />
          </Field>
          <Field label={`Computed attribute ${i + 1} expression`}>
            <input class="code" list={listId} value={r.value} onInput={(e) => setExpressionRow(i, { value: e.currentTarget.value })} />
          </Field>
          <button type="button" class="link" aria-label={`Remove computed attribute ${i + 1} of ${name}`}
            onClick={() => onChange({ ...step, expressionRows: expressionRows.filter((_, j) => j !== i) })}>Remove</button>
        </div>
      ))}
      <div>
        <button type="button" class="link"
          onClick={() => onChange({ ...step, expressionRows: [...expressionRows, { name: '', value: '' }] })}>
          Add computed attribute
        </button>
      </div>
    </div>
  );
}
