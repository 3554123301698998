// An Execute data action step: which published data action, its inputs from {{variables}} and its outputs into
// variables, as its contract names them (fields outside the contract stay editable, so nothing is lost).
import { useEffect, useId, useState } from 'preact/hooks';
import { api } from '../../../api.js';
import { VariableText } from '../VariableText.jsx';
import { VariableSelect } from './VariableSelect.jsx';
import { schemaFields } from './steps.js';

export function DataActionFields({ ctx, step, edit, title }) {
  const { list, error } = ctx.published;
  const chosen = (list || []).find((a) => a.id === step.dataActionId) || null;
  const [contract, setContract] = useState(null);
  const [contractError, setContractError] = useState(null);
  const [find, setFind] = useState('');
  const pickerId = useId();
  const wanted = find.trim().toLowerCase();
  const matching = (list || []).filter((a) => a.name.toLowerCase().includes(wanted));
  // the chosen action stays in the list when the search leaves it out, so that the choice still shows
  const shown = chosen && !matching.includes(chosen) ? [chosen, ...matching] : matching;

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
      <div class="find-action">
        <label class="field">
          <span class="label">Find a data action for {title}</span>
          <input type="search" value={find} placeholder="Part of its name" onInput={(e) => setFind(e.currentTarget.value)} />
        </label>
        <span class="muted" role="status">
          {wanted ? `${matching.length} data action${matching.length === 1 ? ' matches' : 's match'}` : ''}
        </span>
      </div>
      <div class="field wide">
        <label class="label" for={pickerId}>Data action of {title}</label>
        <select id={pickerId} value={step.dataActionId || ''} aria-busy={list ? 'false' : 'true'} onChange={(e) => {
          const v = e.currentTarget.value;
          edit((s) => { s.dataActionId = v; });
        }}>
          <option value="">{list ? 'Choose a published data action…' : 'Loading data actions…'}</option>
          {shown.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          {step.dataActionId && list && !chosen
            && <option value={step.dataActionId}>{step.dataActionId} (not published)</option>}
        </select>
      </div>
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
