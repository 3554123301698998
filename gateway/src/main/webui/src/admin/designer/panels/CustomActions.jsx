// Custom actions of the script being designed: list, create, rename, delete, and a step editor with nested blocks
// (if/else, on success/on failure, try/on error). Every edit goes through update(fn): one undo step each.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../../api.js';
import { VariableText } from '../VariableText.jsx';
import {
  OPERAND_KINDS, OPERATORS, STEP_TYPES, actionNameProblem, blankStep, branchesOf, listAt, renameAction, schemaFields,
  stepTypeLabel, usesOf,
} from './steps.js';
import './panels.css';

// Published data actions, loaded once per page view and shared by every Execute data action step.
let actionsPromise = null;
function loadPublishedActions() {
  if (!actionsPromise) {
    actionsPromise = api('/api/v2/integrations/actions?pageSize=500')
      .then((r) => (r.entities || []).map((a) => ({ id: a.id, name: a.name, category: a.category, contract: a.contract })))
      .catch((e) => {
        actionsPromise = null;
        throw e;
      });
  }
  return actionsPromise;
}

function usePublishedActions() {
  const [state, setState] = useState({ list: null, error: null });
  useEffect(() => {
    let live = true;
    loadPublishedActions().then((list) => live && setState({ list, error: null }))
      .catch((e) => live && setState({ list: [], error: e.message }));
    return () => { live = false; };
  }, []);
  return state;
}

/** focusName (optional): a custom action to select, e.g. when a problem about it was chosen. */
export function CustomActionsPanel({ script, update, focusName }) {
  const actions = script?.customActions || [];
  const [selected, setSelected] = useState(actions[0]?.name || null);
  const [newName, setNewName] = useState('');
  const [newError, setNewError] = useState(null);
  const current = actions.find((a) => a.name === selected) || null;

  useEffect(() => {
    if (focusName && actions.some((a) => a.name === focusName)) setSelected(focusName);
  }, [focusName]);

  useEffect(() => {
    if (selected && !actions.some((a) => a.name === selected)) setSelected(actions[0]?.name || null);
  }, [actions.map((a) => a.name).join('\u0000')]);

  if (!script) return null;

  const create = (e) => {
    e.preventDefault();
    const problem = actionNameProblem(script, newName);
    if (problem) {
      setNewError(problem);
      return;
    }
    const name = newName.trim();
    update((s) => {
      s.customActions = [...(s.customActions || []), { name, steps: [] }];
    });
    setSelected(name);
    setNewName('');
    setNewError(null);
  };

  return (
    <section class="panel custom-actions" aria-labelledby="ca-title">
      <h3 id="ca-title">Custom actions</h3>
      {actions.length === 0 ? <p class="muted">No custom actions yet.</p> : (
        <ul class="ca-list" aria-label="Custom action list">
          {actions.map((a) => (
            <li key={a.name}>
              <button type="button" class={a.name === selected ? 'ca-item selected' : 'ca-item'}
                aria-pressed={a.name === selected ? 'true' : 'false'} onClick={() => setSelected(a.name)}>
                {a.name}
              </button>
              <span class="muted"> {(a.steps || []).length} step{(a.steps || []).length === 1 ? '' : 's'}</span>
            </li>
          ))}
        </ul>
      )}
      <form class="ca-new" onSubmit={create}>
        <label class="field">
          <span class="label">New custom action name</span>
          <input type="text" value={newName} maxLength={128} aria-invalid={newError ? 'true' : undefined}
            onInput={(e) => { setNewName(e.currentTarget.value); setNewError(null); }} />
        </label>
        <button type="submit">Add custom action</button>
        {newError && <p class="error" role="alert">{newError}</p>}
      </form>
      {current && (
        <ActionEditor key={current.name} script={script} action={current} update={update}
          onRenamed={setSelected} />
      )}
    </section>
  );
}

function ActionEditor({ script, action, update, onRenamed }) {
  const [name, setName] = useState(action.name);
  const [error, setError] = useState(null);
  const published = usePublishedActions();
  const index = (script.customActions || []).findIndex((a) => a.name === action.name);
  const uses = usesOf(script, action.name);

  const rename = () => {
    const to = name.trim();
    if (to === action.name) return;
    const problem = actionNameProblem(script, to, action.name);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    update((s) => renameAction(s, action.name, to));
    onRenamed(to);
  };
  const remove = () => {
    update((s) => {
      s.customActions = (s.customActions || []).filter((a) => a.name !== action.name);
    });
  };
  const ctx = {
    script,
    published,
    variables: (script.variables || []).map((v) => v.name),
    edit: (fn, key) => update((s) => fn(s.customActions[index], s), key),
  };

  return (
    <div class="ca-editor">
      <div class="ca-head">
        <label class="field">
          <span class="label">Custom action name</span>
          <input type="text" value={name} maxLength={128} aria-invalid={error ? 'true' : undefined}
            onInput={(e) => { setName(e.currentTarget.value); setError(null); }} onBlur={rename}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); rename(); } }} />
        </label>
        <button type="button" onClick={rename} disabled={name.trim() === action.name}>Rename</button>
        <button type="button" class="danger" onClick={remove}>Delete custom action</button>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <label class="field">
        <span class="label">Description of {action.name}</span>
        <input type="text" value={action.description || ''}
          onInput={(e) => {
            const value = e.currentTarget.value;
            ctx.edit((a) => { a.description = value || null; }, `ca-desc-${action.name}`);
          }} />
      </label>
      <p class="muted">{uses.length ? `Used by ${uses.join(', ')}.` : 'Not used by any button, input or page yet.'}</p>
      {published.error && <p class="error" role="alert">Could not load the data actions: {published.error}</p>}
      <StepList ctx={ctx} steps={action.steps || []} path={[]} title={action.name} prefix="step" />
    </div>
  );
}

/** One list of steps (an action's own, or a branch), with its own "add step" control. */
function StepList({ ctx, steps, path, title, prefix }) {
  const [type, setType] = useState('executeDataAction');
  const add = () => ctx.edit((a) => { listAt(a, path).push(blankStep(type)); });
  return (
    <div class="step-list">
      {steps.length === 0 && <p class="muted">No steps.</p>}
      <ol>
        {steps.map((step, i) => (
          <li key={i}>
            <StepEditor ctx={ctx} step={step} path={path} index={i} count={steps.length}
              title={`${prefix} ${i + 1}`} />
          </li>
        ))}
      </ol>
      <div class="step-add">
        <label class="field">
          <span class="label">New step</span>
          <select value={type} aria-label={`New step in ${title}`} onChange={(e) => setType(e.currentTarget.value)}>
            {STEP_TYPES.map(([t, label]) => <option key={t} value={t}>{label}</option>)}
          </select>
        </label>
        <button type="button" aria-label={`Add step to ${title}`} onClick={add}>Add step</button>
      </div>
    </div>
  );
}

function StepEditor({ ctx, step, path, index, count, title }) {
  const edit = (fn, key) => ctx.edit((a) => fn(listAt(a, path)[index]), key);
  const move = (delta) => ctx.edit((a) => {
    const list = listAt(a, path);
    const [moved] = list.splice(index, 1);
    list.splice(index + delta, 0, moved);
  });
  const remove = () => ctx.edit((a) => { listAt(a, path).splice(index, 1); });
  const heading = `${capitalize(title)}: ${stepTypeLabel(step.type)}`;
  return (
    <fieldset class="step" aria-label={heading}>
      <legend>{heading}</legend>
      <div class="step-tools">
        <button type="button" aria-label={`Move ${title} up`} disabled={index === 0} onClick={() => move(-1)}>Up</button>
        <button type="button" aria-label={`Move ${title} down`} disabled={index === count - 1}
          onClick={() => move(1)}>Down</button>
        <button type="button" class="danger" aria-label={`Delete ${title}`} onClick={remove}>Delete</button>
      </div>
      <StepFields ctx={ctx} step={step} edit={edit} title={title} />
      {branchesOf(step).map(([field, words]) => {
        const steps = step[field] || [];
        const list = (
          <StepList ctx={ctx} steps={steps} path={[...path, [index, field]]} title={`${title} ${words}`}
            prefix={`${title} ${words}`} />
        );
        // a data action's success/failure branches are optional: folded while empty
        if (step.type === 'executeDataAction') {
          return (
            <details key={field} class="branch" open={steps.length > 0}>
              <summary>{capitalize(words)} ({steps.length} step{steps.length === 1 ? '' : 's'})</summary>
              <div role="group" aria-label={`${capitalize(title)} ${words}`}>{list}</div>
            </details>
          );
        }
        return (
          <fieldset key={field} class="branch" aria-label={`${capitalize(title)} ${words}`}>
            <legend>{capitalize(words)}</legend>
            {list}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function StepFields({ ctx, step, edit, title }) {
  const key = (field) => `${title}-${field}`;
  switch (step.type) {
    case 'executeDataAction':
      return <DataActionFields ctx={ctx} step={step} edit={edit} title={title} />;
    case 'ifElse':
      return (
        <div class="step-fields">
          <VariableSelect label={`Variable of ${title}`} value={step.variable} names={ctx.variables}
            onChange={(v) => edit((s) => { s.variable = v; })} />
          <label class="field">
            <span class="label">Operator of {title}</span>
            <select value={step.operator || 'equal'} onChange={(e) => {
              const v = e.currentTarget.value;
              edit((s) => { s.operator = v; });
            }}>
              {OPERATORS.map(([op, label]) => <option key={op} value={op}>{label}</option>)}
            </select>
          </label>
          {step.operator !== 'isEmpty' && (
            <OperandFields ctx={ctx} operand={step.right} label={`Compare with (${title})`}
              onChange={(fn, k) => edit((s) => { s.right = s.right || { kind: 'text', value: '' }; fn(s.right); }, k)}
              keyBase={key('right')} />
          )}
        </div>
      );
    case 'setVariable':
    case 'addToList':
    case 'removeFromList': {
      const lists = step.type !== 'setVariable';
      const names = (ctx.script.variables || [])
        .filter((v) => (lists ? v.kind === 'list' : v.kind !== 'dynamic')).map((v) => v.name);
      return (
        <div class="step-fields">
          <VariableSelect label={`${lists ? 'List' : 'Variable'} of ${title}`} value={step.variable} names={names}
            onChange={(v) => edit((s) => { s.variable = v; })} />
          <OperandFields ctx={ctx} operand={step.value} label={`Value of ${title}`} keyBase={key('value')}
            onChange={(fn, k) => edit((s) => { s.value = s.value || { kind: 'text', value: '' }; fn(s.value); }, k)} />
        </div>
      );
    }
    case 'alert':
      return (
        <div class="step-fields">
          <VariableText label={`Message of ${title}`} value={step.message || ''} variables={ctx.variables}
            onChange={(v) => edit((s) => { s.message = v; }, key('message'))} />
        </div>
      );
    case 'openUrl':
      return (
        <div class="step-fields">
          <VariableText label={`URL of ${title}`} value={step.url || ''} variables={ctx.variables}
            hint="http(s) address; {{Variable}} allowed"
            onChange={(v) => edit((s) => { s.url = v; }, key('url'))} />
        </div>
      );
    case 'changePage':
      return (
        <div class="step-fields">
          <label class="field">
            <span class="label">Page of {title}</span>
            <select value={step.pageId || ''} onChange={(e) => {
              const v = e.currentTarget.value;
              edit((s) => { s.pageId = v; });
            }}>
              <option value="">Choose a page…</option>
              {(ctx.script.pages || []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              {step.pageId && !(ctx.script.pages || []).some((p) => p.id === step.pageId)
                && <option value={step.pageId}>{step.pageId} (missing)</option>}
            </select>
          </label>
        </div>
      );
    case 'runCustomAction':
      return (
        <div class="step-fields">
          <label class="field">
            <span class="label">Custom action of {title}</span>
            <select value={step.action || ''} onChange={(e) => {
              const v = e.currentTarget.value;
              edit((s) => { s.action = v; });
            }}>
              <option value="">Choose a custom action…</option>
              {(ctx.script.customActions || []).map((a) => <option key={a.name} value={a.name}>{a.name}</option>)}
              {step.action && !(ctx.script.customActions || []).some((a) => a.name === step.action)
                && <option value={step.action}>{step.action} (missing)</option>}
            </select>
          </label>
        </div>
      );
    case 'tryOnError':
      return <p class="muted">Steps under “Try” that fail continue under “On error”.</p>;
    default:
      return <p class="muted">Unknown step type {String(step.type)}.</p>;
  }
}

function VariableSelect({ label, value, names, onChange }) {
  const known = names.includes(value);
  return (
    <label class="field">
      <span class="label">{label}</span>
      <select value={value || ''} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Choose a variable…</option>
        {names.map((n) => <option key={n} value={n}>{n}</option>)}
        {value && !known && <option value={value}>{value} (missing)</option>}
      </select>
    </label>
  );
}

function OperandFields({ ctx, operand, label, onChange, keyBase }) {
  const kind = operand?.kind || 'text';
  const value = operand?.value ?? '';
  return (
    <div class="operand">
      <label class="field">
        <span class="label">{label}: kind</span>
        <select value={kind} onChange={(e) => {
          const k = e.currentTarget.value;
          onChange((o) => { o.kind = k; });
        }}>
          {OPERAND_KINDS.map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </select>
      </label>
      {kind === 'variable' ? (
        <VariableSelect label={label} value={value} names={ctx.variables} onChange={(v) => onChange((o) => { o.value = v; })} />
      ) : (
        <VariableText label={label} value={value} variables={ctx.variables}
          hint={kind === 'expression' ? 'math.js-style expression, e.g. {{Count}} + 1' : undefined}
          onChange={(v) => onChange((o) => { o.value = v; }, keyBase)} />
      )}
    </div>
  );
}

function DataActionFields({ ctx, step, edit, title }) {
  const { list, error } = ctx.published;
  const chosen = (list || []).find((a) => a.id === step.dataActionId) || null;
  const [contract, setContract] = useState(null);
  const [contractError, setContractError] = useState(null);

  useEffect(() => {
    setContractError(null);
    if (!step.dataActionId || !list) {
      setContract(null);
      return;
    }
    if (chosen && chosen.contract) {
      setContract(chosen.contract);
      return;
    }
    let live = true;
    api(`/api/v2/integrations/actions/${encodeURIComponent(step.dataActionId)}`)
      .then((a) => live && setContract(a.contract || null))
      .catch((e) => {
        if (!live) return;
        setContract(null);
        setContractError(e.status === 404
          ? 'This data action does not exist or is not published: publishing the script will be refused.'
          : `Could not read the data action's contract: ${e.message}`);
      });
    return () => { live = false; };
  }, [step.dataActionId, list]);

  const inputFields = schemaFields(contract?.input?.inputSchema);
  const outputFields = schemaFields(contract?.output?.successSchema);
  const inputs = step.inputs || {};
  const outputs = step.outputs || {};
  const extraInputs = Object.keys(inputs).filter((k) => !inputFields.some((f) => f.name === k));
  const extraOutputs = Object.keys(outputs).filter((k) => !outputFields.some((f) => f.name === k));
  const sameNamed = inputFields.filter((f) => ctx.variables.includes(f.name) && !inputs[f.name]);

  const setInput = (name, value) => edit((s) => {
    s.inputs = s.inputs || {};
    s.inputs[name] = value;
  }, `${title}-in-${name}`);
  const removeInput = (name) => edit((s) => { delete s.inputs[name]; });
  const setOutput = (name, variable) => edit((s) => {
    s.outputs = s.outputs || {};
    if (variable) s.outputs[name] = variable;
    else delete s.outputs[name];
  });

  return (
    <div class="step-fields">
      <label class="field">
        <span class="label">Data action of {title}</span>
        <select value={step.dataActionId || ''} aria-busy={list ? 'false' : 'true'} onChange={(e) => {
          const v = e.currentTarget.value;
          edit((s) => { s.dataActionId = v; });
        }}>
          <option value="">{list ? 'Choose a published data action…' : 'Loading data actions…'}</option>
          {(list || []).map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          {step.dataActionId && list && !chosen
            && <option value={step.dataActionId}>{step.dataActionId} (not published)</option>}
        </select>
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      {contractError && <p class="error" role="alert">{contractError}</p>}
      {step.dataActionId && contract && (
        <>
          <fieldset class="mapping" aria-label={`Inputs of ${title}`}>
            <legend>Inputs</legend>
            {inputFields.length === 0 && <p class="muted">This data action takes no inputs.</p>}
            {sameNamed.length > 0 && (
              <button type="button" onClick={() => edit((s) => {
                s.inputs = s.inputs || {};
                sameNamed.forEach((f) => { s.inputs[f.name] = `{{${f.name}}}`; });
              })}>Fill inputs from variables of the same name ({title})</button>
            )}
            {inputFields.map((f) => (
              <VariableText key={f.name} label={`Input ${f.name} of ${title}`} value={inputs[f.name] || ''}
                variables={ctx.variables} hint={`${f.type}${f.required ? ', required' : ''}`}
                onChange={(v) => setInput(f.name, v)} />
            ))}
            {extraInputs.map((name) => (
              <div key={name} class="extra">
                <VariableText label={`Input ${name} of ${title} (not in the contract)`} value={inputs[name]}
                  variables={ctx.variables} onChange={(v) => setInput(name, v)} />
                <button type="button" onClick={() => removeInput(name)}>Remove input {name}</button>
              </div>
            ))}
          </fieldset>
          <fieldset class="mapping" aria-label={`Outputs of ${title}`}>
            <legend>Outputs to variables</legend>
            {outputFields.length === 0 && extraOutputs.length === 0
              && <p class="muted">The success contract names no outputs.</p>}
            {[...outputFields.map((f) => f.name), ...extraOutputs].map((name) => (
              <VariableSelect key={name} label={`Output ${name} of ${title} to variable`} value={outputs[name] || ''}
                names={ctx.variables} onChange={(v) => setOutput(name, v)} />
            ))}
          </fieldset>
        </>
      )}
      {step.dataActionId && !contract && !contractError && list && <p class="muted" role="status">Loading the contract…</p>}
    </div>
  );
}
