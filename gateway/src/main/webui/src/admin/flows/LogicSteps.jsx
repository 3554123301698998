// The flow logic steps of the flow editor (issue 17): Decision, Switch, Set variable, Call data action, Transfer to
// ACD, Evaluate schedule group, Request callback, Transfer to number, Disconnect. Expressions are the scripts'
// language ({{Call.Ani}}, {{Flow.X}}, contains(), split()...); branches are nested step lists. Every field has a label;
// everything shown is text (Preact escapes it).
import { useId } from 'preact/hooks';
import { Field } from '../../shared/Field.jsx';
import { branchesOf } from './stepModel.js';

const EXPRESSION_HINT = 'An expression, e.g. contains({{Call.Attributes.Services}}, "Insurance")';

/** The step's body by type; `StepList` is passed in (it renders these in turn). */
export function LogicStep(props) {
  switch (props.step.type) {
    case 'decision': return <DecisionStep {...props} />;
    case 'switch': return <SwitchStep {...props} />;
    case 'setVariable': return <SetVariableStep {...props} />;
    case 'callDataAction': return <CallDataActionStep {...props} />;
    case 'transferToAcd': return <TransferToAcdStep {...props} />;
    case 'evaluateScheduleGroup': return <ScheduleStep {...props} />;
    case 'requestCallback': return <CallbackStep {...props} />;
    case 'transferToNumber': return <NumberStep {...props} />;
    default: return <p class="error">Unknown step type {props.step.type}</p>;
  }
}

export function DisconnectStep() {
  return <p class="muted">Ends the interaction; the flow ends here.</p>;
}

function Expression({ label, value, onInput, listId, hint = EXPRESSION_HINT, placeholder }) {
  return (
    <Field label={label} hint={hint}>
      <input class="code" list={listId} value={value || ''} placeholder={placeholder}
        onInput={(e) => onInput(e.currentTarget.value)} />
    </Field>
  );
}

/** The step's fixed branches (yes/no, success/failure/timeout...), each a nested step list. */
function Branches({ step, onChange, name, vars, catalog, StepList, only }) {
  const stepNumber = name.replace(/^Step /, '');
  return branchesOf(step.type).filter(([b]) => !only || only.includes(b)).map(([branch, label]) => (
    <fieldset class="branch" key={branch}>
      <legend>{label}</legend>
      <StepList steps={step[branch] || []} onChange={(list) => onChange({ ...step, [branch]: list })}
        listName={`${label} (step ${stepNumber})`} path={`${name} ${label.toLowerCase()} step `}
        vars={vars} catalog={catalog} />
    </fieldset>
  ));
}

function DecisionStep(props) {
  const { step, onChange, listId } = props;
  return (
    <div class="step-body">
      <div class="grid2">
        <Field label="Decision name" hint="Shown on the timeline: Decision 'name': yes">
          <input value={step.name || ''} onInput={(e) => onChange({ ...step, name: e.currentTarget.value })} />
        </Field>
        <Expression label="Condition" value={step.expression} listId={listId}
          onInput={(expression) => onChange({ ...step, expression })} />
      </div>
      <Branches {...props} />
    </div>
  );
}

function SwitchStep(props) {
  const { step, onChange, name, vars, catalog, listId, StepList } = props;
  const cases = step.cases || [];
  const setCase = (i, patch) => onChange({ ...step, cases: cases.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const stepNumber = name.replace(/^Step /, '');
  return (
    <div class="step-body">
      <Field label="Switch name">
        <input value={step.name || ''} onInput={(e) => onChange({ ...step, name: e.currentTarget.value })} />
      </Field>
      {cases.map((c, i) => (
        <fieldset class="branch" key={i}>
          <legend>Case {i + 1}</legend>
          <Expression label={`Case ${i + 1} condition`} value={c.expression} listId={listId}
            hint="The first case whose condition is true runs" onInput={(expression) => setCase(i, { expression })} />
          <StepList steps={c.steps || []} onChange={(steps) => setCase(i, { steps })}
            listName={`Case ${i + 1} (step ${stepNumber})`} path={`${name} case ${i + 1} step `} vars={vars}
            catalog={catalog} />
          <div>
            <button type="button" class="link danger" aria-label={`Remove case ${i + 1} of ${name}`}
              onClick={() => onChange({ ...step, cases: cases.filter((_, j) => j !== i) })}>Remove case</button>
          </div>
        </fieldset>
      ))}
      <div>
        <button type="button" class="link" onClick={() => onChange({ ...step, cases: [...cases, { expression: '', steps: [] }] })}>
          Add case
        </button>
      </div>
      <Branches {...props} />
    </div>
  );
}

function SetVariableStep({ step, onChange, listId }) {
  return (
    <div class="step-body grid2">
      <Field label="Flow variable" hint="Read later as {{Flow.<name>}}">
        <input value={step.name || ''} onInput={(e) => onChange({ ...step, name: e.currentTarget.value })} />
      </Field>
      <Expression label="Value" value={step.expression} listId={listId} hint='An expression, e.g. split({{Call.Attributes.Services}}, "|")'
        onInput={(expression) => onChange({ ...step, expression })} />
    </div>
  );
}

/** Editable name → value rows. */
function Rows({ rows, onChange, what, nameLabel, valueLabel, listId, code }) {
  const setRow = (i, patch) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div class="step-body">
      {rows.map((r, i) => (
        <div class="attribute-row" key={i}>
          <Field label={`${nameLabel} ${i + 1}`}>
            <input value={r.name} onInput={(e) => setRow(i, { name: e.currentTarget.value })} />
          </Field>
          <Field label={`${valueLabel} ${i + 1}`}>
            <input class={code ? 'code' : undefined} list={listId} value={r.value}
              onInput={(e) => setRow(i, { value: e.currentTarget.value })} />
          </Field>
          <button type="button" class="link" aria-label={`Remove ${what} ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}>Remove</button>
        </div>
      ))}
      <div><button type="button" class="link" onClick={() => onChange([...rows, { name: '', value: '' }])}>Add {what}</button></div>
    </div>
  );
}

function CallDataActionStep(props) {
  const { step, onChange, name, catalog, listId } = props;
  const actionsId = useId();
  const actions = catalog.actions || [];
  const known = actions.find((a) => a.id === step.actionId);
  return (
    <div class="step-body">
      <datalist id={actionsId}>{actions.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</datalist>
      <div class="grid2">
        <Field label="Data action id" hint={known ? `Data action: ${known.name}` : 'A published data action'}>
          <input list={actionsId} value={step.actionId || ''} onInput={(e) => onChange({ ...step, actionId: e.currentTarget.value })} />
        </Field>
        <Field label="Timeout in seconds" hint="1 to 60; the timeout path runs when no result came in time">
          <input type="number" min={1} max={60} value={step.timeoutSeconds ?? ''}
            onInput={(e) => onChange({ ...step, timeoutSeconds: e.currentTarget.value })} />
        </Field>
      </div>
      <fieldset class="outputs">
        <legend>Inputs: input name → expression</legend>
        <Rows rows={step.inputRows || []} onChange={(inputRows) => onChange({ ...step, inputRows })}
          what={`input of ${name}`} nameLabel="Input name" valueLabel="Input expression" listId={listId} code />
      </fieldset>
      <fieldset class="outputs">
        <legend>Outputs: flow variable ← output name (set on success)</legend>
        <Rows rows={step.outputRows || []} onChange={(outputRows) => onChange({ ...step, outputRows })}
          what={`output of ${name}`} nameLabel="Flow variable" valueLabel="Output name" />
      </fieldset>
      <Branches {...props} />
    </div>
  );
}

function TransferToAcdStep(props) {
  const { step, onChange, listId } = props;
  return (
    <div class="step-body">
      <div class="grid2">
        <Field label="Queue name"><input value={step.queueName || ''} onInput={(e) => onChange({ ...step, queueName: e.currentTarget.value })} /></Field>
        <Field label="Queue id"><input value={step.queueId || ''} onInput={(e) => onChange({ ...step, queueId: e.currentTarget.value })} /></Field>
        <Expression label="Priority (optional)" value={step.priority} listId={listId}
          hint="An expression giving a number; higher is offered first" onInput={(priority) => onChange({ ...step, priority })} />
        <Field label="Skill ids (optional)" hint="Comma-separated; an agent needs all of them">
          <input value={(step.skills || []).join(', ')}
            onInput={(e) => onChange({ ...step, skills: e.currentTarget.value.split(',').map((k) => k.trimStart()) })} />
        </Field>
        <Field label="Language id (optional)">
          <input value={step.languageId || ''} onInput={(e) => onChange({ ...step, languageId: e.currentTarget.value })} />
        </Field>
      </div>
      <p class="muted">The flow waits here: an agent answering ends it; routing failing runs the failure steps.</p>
      <Branches {...props} />
    </div>
  );
}

function ScheduleStep(props) {
  const { step, onChange, catalog } = props;
  const groups = catalog.scheduleGroups || [];
  const known = groups.find((g) => g.id === step.scheduleGroupId);
  return (
    <div class="step-body">
      <Field label="Schedule group" hint="Open, closed or holiday at the time the step runs, in the group's time zone">
        <select value={step.scheduleGroupId || ''} onChange={(e) => onChange({ ...step, scheduleGroupId: e.currentTarget.value })}>
          <option value="">Choose a schedule group…</option>
          {step.scheduleGroupId && !known && <option value={step.scheduleGroupId}>Unknown schedule group {step.scheduleGroupId}</option>}
          {groups.map((g) => <option key={g.id} value={g.id}>{g.name} ({g.timeZone})</option>)}
        </select>
      </Field>
      <Branches {...props} />
    </div>
  );
}

function CallbackStep({ step, onChange, listId }) {
  return (
    <div class="step-body grid2">
      <Expression label="Callback number (optional)" value={step.number} listId={listId} placeholder="{{Call.Ani}}"
        hint="An expression; empty: the caller's number" onInput={(number) => onChange({ ...step, number })} />
      <Field label="Callback queue id"><input value={step.queueId || ''} onInput={(e) => onChange({ ...step, queueId: e.currentTarget.value })} /></Field>
      <Field label="Callback queue name"><input value={step.queueName || ''} onInput={(e) => onChange({ ...step, queueName: e.currentTarget.value })} /></Field>
    </div>
  );
}

function NumberStep({ step, onChange, listId }) {
  return (
    <div class="step-body">
      <Expression label="Number to transfer to" value={step.number} listId={listId}
        hint='An expression, e.g. "+13175550100" (quoted) or {{Flow.Number}}; the flow ends here'
        onInput={(number) => onChange({ ...step, number })} />
    </div>
  );
}
