// The flow editor's model of steps, without any UI (node --test src/admin/flows/stepModel.test.js): the step types,
// the branches (nested step lists) each has, a new step of a type, and the conversions between the API's steps and
// the editor's (a stable key per step; maps as editable rows).

export const STEP_TYPES = [
  ['dataTableLookup', 'Data table lookup'],
  ['screenPop', 'Screen pop'],
  ['setParticipantData', 'Set participant data'],
  ['transferToQueue', 'Transfer to queue'],
  ['decision', 'Decision'],
  ['switch', 'Switch'],
  ['setVariable', 'Set variable'],
  ['callDataAction', 'Call data action'],
  ['transferToAcd', 'Transfer to ACD'],
  ['evaluateScheduleGroup', 'Evaluate schedule group'],
  ['requestCallback', 'Request callback'],
  ['transferToNumber', 'Transfer to number'],
  ['disconnect', 'Disconnect'],
];

export const typeLabel = (type) => STEP_TYPES.find(([t]) => t === type)?.[1] || type;

const FIXED_BRANCHES = {
  dataTableLookup: [['found', 'Found'], ['notFound', 'Not found'], ['failure', 'Failure']],
  decision: [['yes', 'Yes'], ['no', 'No']],
  callDataAction: [['success', 'Success'], ['failure', 'Failure'], ['timeout', 'Timeout']],
  transferToAcd: [['failure', 'Failure']],
  evaluateScheduleGroup: [['open', 'Open'], ['closed', 'Closed'], ['holiday', 'Holiday']],
  switch: [['default', 'Default']],
};

/** The branches of a step other than a switch's cases: [[field, label]]. */
export function branchesOf(type) {
  return FIXED_BRANCHES[type] || [];
}

// Map fields edited as rows of {name, value}: participant data attributes and expressions, data action inputs and
// outputs.
const ROW_FIELDS = {
  setParticipantData: [['attributes', 'rows'], ['expressions', 'expressionRows']],
  callDataAction: [['inputs', 'inputRows'], ['outputs', 'outputRows']],
};

let counter = 0;
const defaultKey = () => `s${Date.now().toString(36)}${(counter++).toString(36)}`;

export function newStep(type, key = defaultKey) {
  const step = { type, _key: key() };
  switch (type) {
    case 'dataTableLookup': return { ...step, tableId: '', key: '', outputs: {}, found: [], notFound: [], failure: [] };
    case 'screenPop': return { ...step, scriptId: '', inputs: {} };
    case 'setParticipantData': return { ...step, rows: [{ name: '', value: '' }], expressionRows: [] };
    case 'transferToQueue': return { ...step, queueId: '', queueName: '' };
    case 'decision': return { ...step, name: '', expression: '', yes: [], no: [] };
    case 'switch': return { ...step, name: '', cases: [{ expression: '', steps: [] }], default: [] };
    case 'setVariable': return { ...step, name: '', expression: '' };
    case 'callDataAction':
      return { ...step, actionId: '', timeoutSeconds: 10, inputRows: [], outputRows: [], success: [], failure: [], timeout: [] };
    case 'transferToAcd':
      return { ...step, queueId: '', queueName: '', priority: '', skills: [], languageId: '', failure: [] };
    case 'evaluateScheduleGroup': return { ...step, scheduleGroupId: '', open: [], closed: [], holiday: [] };
    case 'requestCallback': return { ...step, number: '', queueId: '', queueName: '' };
    case 'transferToNumber': return { ...step, number: '' };
    default: return step;
  }
}

/** API steps → editor steps. */
export function fromModel(steps = [], key = defaultKey) {
  return steps.map((s) => {
    const step = { ...s, _key: key() };
    for (const [field] of branchesOf(s.type)) step[field] = fromModel(s[field] || [], key);
    if (s.type === 'switch') step.cases = (s.cases || []).map((c) => ({ expression: c.expression || '', steps: fromModel(c.steps || [], key) }));
    if (s.type === 'dataTableLookup') step.outputs = { ...(s.outputs || {}) };
    if (s.type === 'screenPop') step.inputs = { ...(s.inputs || {}) };
    for (const [field, rows] of ROW_FIELDS[s.type] || []) {
      step[rows] = Object.entries(s[field] || {}).map(([name, value]) => ({ name, value }));
      delete step[field];
    }
    if (s.type === 'transferToAcd') step.skills = [...(s.skills || [])];
    return step;
  });
}

const rowsToMap = (rows) => Object.fromEntries((rows || []).filter((r) => r.name.trim()).map((r) => [r.name.trim(), r.value]));
const blank = (v) => v === undefined || v === null || String(v).trim() === '';

/** Editor steps → API steps: keys dropped, empty rows and optional empty fields left out. */
export function toModel(steps = []) {
  return steps.map((s) => {
    const { _key, ...step } = s;
    for (const [, rows] of Object.values(ROW_FIELDS).flat()) delete step[rows];
    for (const [field] of branchesOf(s.type)) step[field] = toModel(s[field] || []);
    if (s.type === 'switch') step.cases = (s.cases || []).map((c) => ({ expression: c.expression, steps: toModel(c.steps || []) }));
    if (s.type === 'dataTableLookup') {
      step.outputs = Object.fromEntries(Object.entries(s.outputs || {}).filter(([v, c]) => v.trim() && c));
    }
    if (s.type === 'screenPop') {
      step.inputs = Object.fromEntries(Object.entries(s.inputs || {}).filter(([, v]) => v !== ''));
    }
    for (const [field, rows] of ROW_FIELDS[s.type] || []) step[field] = rowsToMap(s[rows]);
    if (s.type === 'callDataAction') {
      step.timeoutSeconds = blank(s.timeoutSeconds) ? undefined : Number(s.timeoutSeconds);
    }
    if (s.type === 'transferToAcd') {
      step.skills = (s.skills || []).map((k) => k.trim()).filter(Boolean);
      for (const f of ['priority', 'languageId']) if (blank(s[f])) delete step[f];
    }
    if (s.type === 'requestCallback') {
      for (const f of ['number', 'queueId', 'queueName']) if (blank(s[f])) delete step[f];
    }
    if ((s.type === 'decision' || s.type === 'switch') && blank(s.name)) delete step.name;
    return step;
  });
}

const BRANCH_WORDS = { notFound: 'not found', default: 'default' };

/**
 * "steps[0].yes[1].cases[0].steps[2].expression" → "Step 1 yes step 2 case 1 step 3, expression": a publishing
 * problem's path as the editor names steps.
 */
export function placeOf(path) {
  return path
    .replace(/^steps\[(\d+)\]/, (_, n) => `Step ${Number(n) + 1}`)
    .replace(/\.cases\[(\d+)\]\.steps\[(\d+)\]/g, (_, c, n) => ` case ${Number(c) + 1} step ${Number(n) + 1}`)
    .replace(/\.(found|notFound|failure|yes|no|success|timeout|open|closed|holiday|default)\[(\d+)\]/g,
      (_, b, n) => ` ${BRANCH_WORDS[b] || b} step ${Number(n) + 1}`)
    .replace(/\.cases\[(\d+)\]\./, (_, c) => `, case ${Number(c) + 1} `)
    .replace(/\.(\w+)/, ', $1');
}

/** The flow variables a list of steps sets (lookup outputs, Set Variable, data action outputs), for suggestions. */
export function variablesOf(steps = []) {
  const found = new Set();
  const walk = (list) => (list || []).forEach((s) => {
    if (s.type === 'dataTableLookup') Object.keys(s.outputs || {}).forEach((v) => found.add(v));
    if (s.type === 'setVariable' && s.name && s.name.trim()) found.add(s.name.trim());
    if (s.type === 'callDataAction') (s.outputRows || []).forEach((r) => r.name.trim() && found.add(r.name.trim()));
    for (const [field] of branchesOf(s.type)) walk(s[field]);
    if (s.type === 'switch') (s.cases || []).forEach((c) => walk(c.steps));
  });
  walk(steps);
  return [...found].sort();
}
