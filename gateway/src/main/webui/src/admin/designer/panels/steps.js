// The custom-action step model of the script format (script-format.schema.json), for the custom actions panel:
// step types, their blank forms, the nested step lists each type holds, and renaming/reference helpers.

export const STEP_TYPES = [
  ['executeDataAction', 'Execute data action'],
  ['ifElse', 'If/else'],
  ['setVariable', 'Set variable'],
  ['alert', 'Alert'],
  ['changePage', 'Change page'],
  ['openUrl', 'Open URL'],
  ['addToList', 'Add to list'],
  ['removeFromList', 'Remove from list'],
  ['runCustomAction', 'Run custom action'],
  ['tryOnError', 'Try / on error'],
  ['transfer', 'Transfer'],
  ['scheduleCallback', 'Schedule callback'],
  ['disconnect', 'Disconnect'],
  ['infoBanner', 'Info banner'],
  ['delay', 'Delay'],
];

export const TRANSFER_MODES = [['blind', 'Blind transfer'], ['consult', 'Consult transfer']];
export const TRANSFER_TARGETS = [['queue', 'Queue (its id)'], ['user', 'User (their id)'], ['number', 'Phone number']];
export const BANNER_LEVELS = [['info', 'Info'], ['success', 'Success'], ['warning', 'Warning'], ['error', 'Error']];
export const MAX_DELAY_SECONDS = 60;

export function stepTypeLabel(type) {
  const found = STEP_TYPES.find(([t]) => t === type);
  return found ? found[1] : type;
}

export const OPERATORS = [
  ['equal', 'equals'],
  ['notEqual', 'does not equal'],
  ['greaterThan', 'is greater than'],
  ['lessThan', 'is less than'],
  ['contains', 'contains'],
  ['startsWith', 'starts with'],
  ['isEmpty', 'is empty'],
];

export const OPERAND_KINDS = [['text', 'Text'], ['variable', 'Variable'], ['expression', 'Expression']];

/** The step lists a step holds, in display order: [field, words used in labels]. */
export function branchesOf(step) {
  switch (step.type) {
    case 'executeDataAction': return [['onSuccess', 'on success'], ['onFailure', 'on failure']];
    case 'ifElse': return [['then', 'if true'], ['otherwise', 'otherwise']];
    case 'tryOnError': return [['steps', 'try'], ['onError', 'on error']];
    default: return [];
  }
}

export function blankStep(type) {
  switch (type) {
    case 'executeDataAction': return { type, dataActionId: '', inputs: {}, outputs: {}, onSuccess: [], onFailure: [] };
    case 'ifElse': return { type, variable: '', operator: 'equal', right: { kind: 'text', value: '' }, then: [], otherwise: [] };
    case 'setVariable':
    case 'addToList':
    case 'removeFromList': return { type, variable: '', value: { kind: 'text', value: '' } };
    case 'alert': return { type, message: '' };
    case 'changePage': return { type, pageId: '' };
    case 'openUrl': return { type, url: '' };
    case 'runCustomAction': return { type, action: '' };
    case 'tryOnError': return { type, steps: [], onError: [] };
    case 'transfer': return { type, mode: 'blind', targetType: 'queue', target: '' };
    case 'scheduleCallback': return { type, number: '{{Scripter.Customer Formatted Number}}', time: '' };
    case 'infoBanner': return { type, message: '', level: 'info' };
    case 'delay': return { type, seconds: 5 };
    default: return { type };
  }
}

/**
 * The step list at `path` inside a custom action: path is a list of [stepIndex, branchField] pairs from the
 * action's own steps down. Missing lists are created (on the copy being edited).
 */
export function listAt(action, path) {
  let list = action.steps || (action.steps = []);
  for (const [index, field] of path) {
    const step = list[index];
    list = step[field] || (step[field] = []);
  }
  return list;
}

/** Every step of every list, depth first, with a callback per step. */
export function walkSteps(steps, fn) {
  for (const step of steps || []) {
    fn(step);
    for (const [field] of branchesOf(step)) walkSteps(step[field], fn);
  }
}

function walkComponents(c, fn) {
  if (!c) return;
  fn(c);
  (c.children || []).forEach((child) => walkComponents(child, fn));
}

/** Where a custom action is used: buttons, input change actions, page/script loads, Run custom action steps. */
export function usesOf(script, name) {
  const uses = [];
  if (script.onScriptLoad === name) uses.push('script load');
  for (const page of script.pages || []) {
    if (page.onLoad === name) uses.push(`load of page ${page.name}`);
    walkComponents(page.root, (c) => {
      if (c.action === name) uses.push(`${c.type} ${c.id}`);
      if (c.changeAction === name) uses.push(`change of ${c.type} ${c.id}`);
    });
  }
  for (const a of script.customActions || []) {
    walkSteps(a.steps, (s) => {
      if (s.type === 'runCustomAction' && s.action === name) uses.push(`custom action ${a.name}`);
    });
  }
  return uses;
}

/** Renames a custom action and every reference to it (mutates the script). */
export function renameAction(script, from, to) {
  if (script.onScriptLoad === from) script.onScriptLoad = to;
  for (const page of script.pages || []) {
    if (page.onLoad === from) page.onLoad = to;
    walkComponents(page.root, (c) => {
      if (c.action === from) c.action = to;
      if (c.changeAction === from) c.changeAction = to;
    });
  }
  for (const a of script.customActions || []) {
    if (a.name === from) a.name = to;
    walkSteps(a.steps, (s) => {
      if (s.type === 'runCustomAction' && s.action === from) s.action = to;
    });
  }
}

/** Why a custom action name cannot be used, or null. */
export function actionNameProblem(script, name, previous = null) {
  const trimmed = (name || '').trim();
  if (!trimmed) return 'A custom action needs a name.';
  if (trimmed.length > 128) return 'A custom action name has at most 128 characters.';
  if (trimmed !== previous && (script.customActions || []).some((a) => a.name === trimmed)) {
    return `There is already a custom action named “${trimmed}”.`;
  }
  return null;
}

/** The fields of a contract schema, nested objects as dotted paths (how a session receives flattened outputs). */
export function schemaFields(schema, prefix = '', depth = 0) {
  const out = [];
  const props = (schema && schema.properties) || {};
  for (const [name, def] of Object.entries(props)) {
    const path = prefix ? `${prefix}.${name}` : name;
    if (def && def.type === 'object' && def.properties && depth < 3) {
      out.push(...schemaFields(def, path, depth + 1));
    } else {
      out.push({ name: path, type: def && def.type ? String(def.type) : 'any', required: false });
    }
  }
  const required = new Set((schema && schema.required) || []);
  return out.map((f) => ({ ...f, required: required.has(f.name) }));
}
