// The script's variables: the built-in Scripter.* names, naming rules, and renaming a variable everywhere it is used.

// The built-in variables every session supplies (docs/script-service.md).
export const BUILTIN_VARIABLES = ['Agent Name', 'Agent Id', 'Agent Email', 'Customer Formatted Number',
  'Interaction ID', 'Interaction State', 'Interaction Type', 'Queue Name', 'Queue ID', 'Customer Call Start Time',
  'Agent Call Start Time', 'Customer Call Duration', 'Page Is Invalid'].map((n) => `Scripter.${n}`);

export function variableNames(script, { builtins = true } = {}) {
  const own = (script.variables || []).map((v) => v.name);
  return builtins ? [...own, ...BUILTIN_VARIABLES] : own;
}

/** Why this variable name cannot be used (or null): empty, braces, reserved, already taken by another. */
export function variableNameProblem(script, name, previousName = null) {
  const trimmed = String(name || '').trim();
  if (!trimmed) return 'A variable needs a name.';
  if (/[{}]/.test(trimmed)) return 'A variable name cannot contain { or }.';
  if (trimmed.startsWith('Scripter.')) return 'Names starting with "Scripter." are reserved.';
  if (trimmed.length > 128) return 'A variable name has at most 128 characters.';
  if (trimmed !== previousName && (script.variables || []).some((v) => v.name === trimmed)) {
    return `There is already a variable named ${trimmed}.`;
  }
  return null;
}

const BINDING_FIELDS = ['variable', 'optionsVariable', 'labelsVariable', 'repeatFor'];

/** Renames a variable and every reference to it: {{Old}} in any text and input/list bindings. */
export function renameVariable(script, from, to) {
  if (from === to) return;
  const ref = `{{${from}}}`;
  const rewrite = (value, key) => {
    if (typeof value === 'string') {
      if (BINDING_FIELDS.includes(key) && value === from) return to;
      if (key === 'variable' && value === from) return to;
      return value.split(ref).join(`{{${to}}}`);
    }
    if (Array.isArray(value)) {
      // columns of a list view and a web page's signed context name variables
      return value.map((item) => ((key === 'columns' || key === 'variables') && item === from ? to : rewrite(item, null)));
    }
    if (value && typeof value === 'object') {
      for (const k of Object.keys(value)) {
        value[k] = rewrite(value[k], k);
      }
      // outputs map a data action field to a variable name; an operand may name a variable
      if (key === 'outputs') {
        for (const k of Object.keys(value)) if (value[k] === from) value[k] = to;
      }
      if (value.kind === 'variable' && value.value === from) value.value = to;
    }
    return value;
  };
  for (const v of script.variables || []) {
    if (v.name === from) v.name = to;
    else if (v.expression) v.expression = v.expression.split(ref).join(`{{${to}}}`);
  }
  script.pages = rewrite(script.pages, 'pages');
  script.customActions = rewrite(script.customActions || [], 'customActions');
}
