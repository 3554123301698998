// The fields of one step, by its type. edit(fn, key) changes the step (one undo step; same-key edits merge).
import { VariableText } from '../VariableText.jsx';
import { DataActionFields } from './DataActionFields.jsx';
import { VariableSelect } from './VariableSelect.jsx';
import {
  BANNER_LEVELS, MAX_DELAY_SECONDS, OPERAND_KINDS, OPERATORS, TRANSFER_MODES, TRANSFER_TARGETS,
} from './steps.js';

export function StepFields({ ctx, step, edit, title }) {
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
    case 'transfer':
      return (
        <div class="step-fields">
          <Select label={`Transfer kind of ${title}`} value={step.mode || 'blind'} options={TRANSFER_MODES}
            onChange={(v) => edit((s) => { s.mode = v; })} />
          <Select label={`Transfer to (${title})`} value={step.targetType || 'queue'} options={TRANSFER_TARGETS}
            onChange={(v) => edit((s) => { s.targetType = v; })} />
          <VariableText label={`Target of ${title}`} value={step.target || ''} variables={ctx.variables}
            hint="a queue or user id, or a number; {{Variable}} allowed"
            onChange={(v) => edit((s) => { s.target = v; }, key('target'))} />
          <p class="muted">Sent to the telephony side; the action goes on once it has transferred the call.</p>
        </div>
      );
    case 'scheduleCallback':
      return (
        <div class="step-fields">
          <VariableText label={`Number of ${title}`} value={step.number || ''} variables={ctx.variables}
            onChange={(v) => edit((s) => { s.number = v; }, key('number'))} />
          <VariableText label={`Time of ${title}`} value={step.time || ''} variables={ctx.variables}
            hint="date and time, e.g. 2026-12-01T15:30 (UTC unless it says +01:00) or {{Callback Time}}"
            onChange={(v) => edit((s) => { s.time = v; }, key('time'))} />
        </div>
      );
    case 'disconnect':
      return <p class="muted">Ends the call; the action goes on once the telephony side has disconnected it.</p>;
    case 'infoBanner':
      return (
        <div class="step-fields">
          <VariableText label={`Message of ${title}`} value={step.message || ''} variables={ctx.variables}
            hint="shown above the agent's page until another banner replaces it; empty removes it"
            onChange={(v) => edit((s) => { s.message = v; }, key('message'))} />
          <Select label={`Level of ${title}`} value={step.level || 'info'} options={BANNER_LEVELS}
            onChange={(v) => edit((s) => { s.level = v; })} />
        </div>
      );
    case 'delay':
      return (
        <div class="step-fields">
          <label class="field">
            <span class="label">Seconds of {title}</span>
            <input type="number" min={1} max={MAX_DELAY_SECONDS} value={step.seconds ?? ''}
              onInput={(e) => {
                const v = e.currentTarget.value;
                edit((s) => { s.seconds = v === '' ? null : Number(v); }, key('seconds'));
              }} />
          </label>
          <p class="muted">1 to {MAX_DELAY_SECONDS} seconds; nothing waits meanwhile.</p>
        </div>
      );
    default:
      return <p class="muted">Unknown step type {String(step.type)}.</p>;
  }
}

function Select({ label, value, options, onChange }) {
  return (
    <label class="field">
      <span class="label">{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
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
