// The properties of the selected component: content and bindings of its type, layout, appearance, behaviour.
import { useId } from 'preact/hooks';
import {
  findInScript, isContainer, isInput, ITEM_NAMES, readCondition, repeatAround, setSignedContext, setStyle,
  toggleContextVariable, typeLabel, variableNames, writeCondition,
} from './model.js';
import { VariableText } from './VariableText.jsx';
import { Sr } from './Sr.jsx';

export function Text({ label, value, onChange, type = 'text', placeholder, list, hint }) {
  return (
    // The hint stays outside the label, so the field's accessible name is the label alone.
    <div class="field">
      <label class="field">
        <span class="label">{label}</span>
        <input type={type} value={value ?? ''} placeholder={placeholder} list={list}
          onInput={(e) => onChange(e.currentTarget.value)} />
      </label>
      {hint && <span class="muted d-small">{hint}</span>}
    </div>
  );
}

export function Check({ label, checked, onChange }) {
  return (
    <label class="checkbox d-check">
      <input type="checkbox" checked={!!checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}

// A select labelled with for/id (a wrapping label would add the selected option to the field's name).
export function Choice({ label, value, options, onChange }) {
  const id = `d-choice-${useId()}`;
  return (
    <div class="field">
      <label class="label" for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
    </div>
  );
}

const INPUT_TYPES_WITH_PLACEHOLDER = ['textInput', 'multiLineInput', 'dropdown'];

function optionsText(options) {
  return (options || []).map((o) => (o.label && o.label !== o.value ? `${o.value}=${o.label}` : o.value)).join('\n');
}

function parseOptions(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const eq = line.indexOf('=');
    return eq > 0 ? { value: line.slice(0, eq).trim(), label: line.slice(eq + 1).trim() } : { value: line, label: line };
  });
}

const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

export function Properties({ script, selectedId, update, onSelect, actions }) {
  const hit = selectedId ? findInScript(script, selectedId) : null;
  if (!hit) {
    return <p class="muted">Select a component on the canvas to see its properties.</p>;
  }
  const c = hit.node;
  const isRoot = !hit.parent;
  // Inside a repeating container, {{Item}} and {{Item Index}} are offered with the variables.
  const repeat = repeatAround(script, c.id);
  const own = [...variableNames(script, { builtins: false }), ...(repeat ? ITEM_NAMES : [])];
  const vars = script.variables || [];
  const listVars = vars.filter((v) => v.kind === 'list').map((v) => v.name);
  // A repeat goes over a list variable or a dynamic one giving a list (split({{Services}}, "|")).
  const repeatable = vars.filter((v) => v.kind === 'list' || v.kind === 'dynamic').map((v) => v.name);
  const boolVars = vars.filter((v) => v.type === 'boolean' && v.kind !== 'list').map((v) => v.name);
  const actionNames = (script.customActions || []).map((a) => a.name);

  // Each field edit is one undo step; typing in one field within a second makes one step.
  const change = (key, fn) => update((s) => {
    const h = findInScript(s, c.id);
    if (!h) return false;
    fn(h.node);
    return undefined;
  }, `${c.id}:${key}`);
  const set = (key) => (value) => change(key, (n) => {
    if (value === '' || value == null) delete n[key];
    else n[key] = value;
  });
  const style = (key) => (value) => change(`style.${key}`, (n) => setStyle(n, key, value));
  const s = c.style || {};
  const vt = (label, key, multiline = false, hint, placeholder) => (
    <VariableText label={label} value={c[key] ?? ''} onChange={set(key)} variables={own} multiline={multiline} hint={hint}
      placeholder={placeholder} />
  );
  const variableChoice = (label, key, names) => (
    <Choice label={label} value={c[key] || ''} onChange={(v) => change(key, (n) => { n[key] = v || null; })}
      options={[['', '(none)'], ...names.map((n) => [n, n]),
        ...(c[key] && !names.includes(c[key]) ? [[c[key], `${c[key]} (not defined)`]] : [])]} />
  );

  return (
    <div class="d-props">
      <h3>{isRoot ? 'Page root' : typeLabel(c.type)} <span class="muted d-small">{c.id}</span></h3>
      {!isRoot && (
        <div class="d-row d-actions">
          <button type="button" class="link" onClick={() => actions.moveBy(-1)}>Move up</button>
          <button type="button" class="link" onClick={() => actions.moveBy(1)}>Move down</button>
          <button type="button" class="link" onClick={() => actions.duplicate()}>Duplicate</button>
          <button type="button" class="link" onClick={() => onSelect(hit.parent.id)}>Select parent</button>
          <button type="button" class="link danger" onClick={() => actions.remove()}>Delete component</button>
        </div>
      )}

      <fieldset>
        <legend>Content</legend>
        {c.type === 'text' && <>
          {vt('Text', 'text', true, undefined, 'What the agent reads, e.g. Hi {{CustomerName}}')}
          <Check label="Bold" checked={c.bold} onChange={(v) => set('bold')(v || null)} />
          <Check label="Italic" checked={c.italic} onChange={(v) => set('italic')(v || null)} />
        </>}
        {c.type === 'webPage' && <>
          {vt('Source', 'source', false, 'An http(s) address, e.g. {{EmbeddedMap}}')}
          <Check label="Send signed context" checked={!!c.signedContext}
            onChange={(v) => change('signedContext', (n) => setSignedContext(n, v))} />
          {c.signedContext && (
            <fieldset class="d-context-vars">
              <legend>Variables in the signed context</legend>
              <p class="muted d-small">The page gets a short-lived token signed by Rapport naming the interaction, the agent, the script and these variables (docs/embedded-pages.md).</p>
              {vars.length === 0 && <p class="muted d-small">No variable yet.</p>}
              {vars.map((v) => (
                <Check key={v.name} label={v.name} checked={(c.signedContext.variables || []).includes(v.name)}
                  onChange={(on) => change('signedContext', (n) => toggleContextVariable(n, v.name, on))} />
              ))}
            </fieldset>
          )}
        </>}
        {c.type === 'image' && <>{vt('Source', 'source')}{vt('Alternative text', 'altText')}</>}
        {c.type === 'link' && <>{vt('Text', 'text', false, undefined, 'What the link says')}{vt('URL', 'url')}</>}
        {c.type === 'button' && <>
          {vt('Text', 'text', false, undefined, 'What the button says, e.g. Submit')}
          <Text label="Custom action" value={c.action} onChange={(v) => change('action', (n) => { n.action = v || null; })}
            list="d-custom-actions" hint={actionNames.length ? 'Runs when the agent clicks' : 'No custom action yet: add one under Custom actions'} />
        </>}
        {c.type === 'checkbox' && vt('Label', 'label', false, undefined, 'What the box says')}
        {INPUT_TYPES_WITH_PLACEHOLDER.includes(c.type) && vt('Placeholder', 'placeholder')}
        {(c.type === 'radioGroup' || c.type === 'dropdown') && <>
          <label class="field">
            <span class="label">Options, one a line (value or value=label)</span>
            <textarea rows={4} value={optionsText(c.options)}
              onInput={(e) => change('options', (n) => { n.options = parseOptions(e.currentTarget.value); })} />
          </label>
          {variableChoice('Options from list variable', 'optionsVariable', listVars)}
          {variableChoice('Labels from list variable', 'labelsVariable', listVars)}
        </>}
        {c.type === 'listView' && <>
          <label class="field">
            <span class="label">Columns: list variables, one a line</span>
            <textarea rows={3} value={(c.columns || []).join('\n')}
              onInput={(e) => change('columns', (n) => { n.columns = lines(e.currentTarget.value); })} />
          </label>
          <label class="field">
            <span class="label">Headers, one a line</span>
            <textarea rows={3} value={(c.headers || []).join('\n')}
              onInput={(e) => change('headers', (n) => { n.headers = lines(e.currentTarget.value); })} />
          </label>
        </>}
        {isContainer(c) && (
          <Choice label="Child arrangement" value={c.childArrangement || 'start'}
            onChange={(v) => change('childArrangement', (n) => { n.childArrangement = v; })}
            options={[['start', 'Start'], ['center', 'Center'], ['end', 'End']]} />
        )}
        {isContainer(c) && !isRoot && !repeat && <>
          {variableChoice('Repeat for each item of', 'repeatFor', repeatable)}
          {c.repeatFor && <p class="muted d-small">The children show once per item: {'{{Item}}'} is the item, {'{{Item Index}}'} its position (from 1). Inputs and buttons cannot be inside.</p>}
        </>}
      </fieldset>

      {isInput(c) && (
        <fieldset>
          <legend>Binding and validation</legend>
          {variableChoice('Variable', 'variable', vars.filter((v) => v.kind !== 'list' && v.kind !== 'dynamic').map((v) => v.name))}
          {c.type !== 'checkbox' && <Check label="Required" checked={c.required}
            onChange={(v) => change('required', (n) => { n.required = v; })} />}
          {c.type === 'textInput' && <Text label="Pattern (regular expression)" value={c.pattern}
            onChange={(v) => change('pattern', (n) => { n.pattern = v || null; })} />}
          {c.type === 'numberInput' && <>
            <Text label="Minimum" type="number" value={c.min} onChange={(v) => change('min', (n) => { n.min = v === '' ? null : Number(v); })} />
            <Text label="Maximum" type="number" value={c.max} onChange={(v) => change('max', (n) => { n.max = v === '' ? null : Number(v); })} />
          </>}
          {c.type === 'dateInput' && <Check label="Include time" checked={c.includeTime}
            onChange={(v) => change('includeTime', (n) => { n.includeTime = v; })} />}
          <Text label="Change action" value={c.changeAction} list="d-custom-actions"
            onChange={(v) => change('changeAction', (n) => { n.changeAction = v || null; })} />
        </fieldset>
      )}

      <fieldset>
        <legend>Layout</legend>
        <Text label="Width" value={s.width} placeholder="auto, stretch, 240px, 50%" onChange={style('width')} />
        <Text label="Height" value={s.height} placeholder="auto, stretch, 400px" onChange={style('height')} />
        <Text label="Margin (px)" type="number" value={s.margin}
          onChange={(v) => style('margin')(v === '' ? null : Math.max(0, Math.round(Number(v)) || 0))} />
      </fieldset>

      <fieldset>
        <legend>Appearance</legend>
        <Colour label="Background colour" value={s.backgroundColor} onChange={style('backgroundColor')} variables={own} />
        <Colour label="Text colour" value={s.textColor} onChange={style('textColor')} variables={own} />
      </fieldset>

      <fieldset>
        <legend>Behaviour</legend>
        <Condition label="Visible" value={s.visible} onChange={style('visible')} boolVars={boolVars} own={own} />
        <Condition label="Enabled" value={s.enabled} onChange={style('enabled')} boolVars={boolVars} own={own} />
      </fieldset>
      <datalist id="d-custom-actions">{actionNames.map((n) => <option key={n} value={n} />)}</datalist>
    </div>
  );
}

function Colour({ label, value, onChange, variables }) {
  const hex = /^#[0-9a-fA-F]{6}$/.test(value || '') ? value : '#ffffff';
  return (
    <div class="d-colour">
      <VariableText label={label} value={value || ''} onChange={onChange} variables={variables}
        placeholder="#rrggbb or {{Variable}}" invalid={value && !/^#[0-9a-fA-F]{6}$/.test(value) && !value.includes('{{')} />
      <input type="color" aria-label={`Pick a colour (${label.split(' ')[0].toLowerCase()})`} value={hex}
        onInput={(e) => onChange(e.currentTarget.value)} />
      {value && <button type="button" class="link" onClick={() => onChange(null)}>Clear<Sr> {label.toLowerCase()}</Sr></button>}
    </div>
  );
}

// A visible/enabled expression: always, never, a boolean variable, or any expression.
function Condition({ label, value, onChange, boolVars, own }) {
  const cond = readCondition(value);
  const write = (next) => onChange(writeCondition({ ...cond, ...next }));
  return (
    <div class="d-condition">
      <Choice label={label} value={cond.mode}
        onChange={(mode) => write({ mode, variable: cond.variable || boolVars[0] || '', expression: cond.expression || (mode === 'expression' ? 'true' : '') })}
        options={[['always', 'Always'], ['never', 'Never'], ['variable', 'When a boolean variable is true'], ['expression', 'When an expression is true']]} />
      {cond.mode === 'variable' && (
        <Choice label={`${label} when variable`} value={cond.variable}
          onChange={(v) => write({ variable: v })}
          options={[['', '(choose)'], ...boolVars.map((n) => [n, n]),
            ...(cond.variable && !boolVars.includes(cond.variable) ? [[cond.variable, cond.variable]] : [])]} />
      )}
      {cond.mode === 'expression' && (
        <VariableText label={`${label} when expression`} value={cond.expression} variables={own}
          onChange={(expression) => onChange(expression.trim() ? expression : 'true')} placeholder="{{Age}} > 18" />
      )}
    </div>
  );
}
