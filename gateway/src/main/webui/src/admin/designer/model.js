// The designer's script model: plain functions over Rapport's script format (see script-format.schema.json).
// Nothing here touches the DOM or the network, so `node --test` covers it (model.test.js). Interpolated text,
// variables and the undo history live beside it and are exported from here too.
export * from './templates.js';
export * from './scriptVariables.js';
export * from './history.js';
import { deepCopy } from './history.js';

export const COMPONENT_TYPES = [
  { type: 'verticalContainer', label: 'Vertical container', container: true },
  { type: 'horizontalContainer', label: 'Horizontal container', container: true },
  { type: 'text', label: 'Text' },
  { type: 'webPage', label: 'Web page' },
  { type: 'textInput', label: 'Text input', input: true },
  { type: 'numberInput', label: 'Number input', input: true },
  { type: 'dateInput', label: 'Date input', input: true },
  { type: 'multiLineInput', label: 'Multi-line input', input: true },
  { type: 'checkbox', label: 'Checkbox', input: true },
  { type: 'radioGroup', label: 'Radio group', input: true },
  { type: 'dropdown', label: 'Dropdown', input: true },
  { type: 'button', label: 'Button' },
  { type: 'link', label: 'Link' },
  { type: 'image', label: 'Image' },
  { type: 'listView', label: 'List view' },
];

const BY_TYPE = Object.fromEntries(COMPONENT_TYPES.map((t) => [t.type, t]));

export function typeLabel(type) {
  return (BY_TYPE[type] && BY_TYPE[type].label) || String(type);
}

export function isContainer(c) {
  return !!c && (c.type === 'verticalContainer' || c.type === 'horizontalContainer');
}

export function isInput(c) {
  return !!c && !!(BY_TYPE[c.type] && BY_TYPE[c.type].input);
}

// ---------------------------------------------------------------- ids

/** Every page and component id of the script (ids are unique across the whole script). */
export function idsOf(script) {
  const ids = new Set();
  for (const page of script.pages || []) {
    ids.add(page.id);
    walk(page.root, (c) => ids.add(c.id));
  }
  return ids;
}

/** A fresh id from a prefix: "text-1", "text-2"... not in `taken`, which it then joins. */
export function freshId(prefix, taken) {
  let n = 1;
  while (taken.has(`${prefix}-${n}`)) n += 1;
  const id = `${prefix}-${n}`;
  taken.add(id);
  return id;
}

// ---------------------------------------------------------------- components

export function newComponent(type, taken) {
  const id = freshId(type, taken);
  switch (type) {
    case 'verticalContainer':
    case 'horizontalContainer':
      return { type, id, children: [] };
    case 'text':
      return { type, id, text: '' };
    case 'webPage':
      return { type, id, source: '' };
    case 'textInput':
    case 'multiLineInput':
      return { type, id, variable: null, placeholder: '', required: false };
    case 'numberInput':
    case 'dateInput':
      return { type, id, variable: null, required: false };
    case 'checkbox':
      return { type, id, variable: null, label: '' };
    case 'radioGroup':
      return { type, id, variable: null, options: [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }], required: false };
    case 'dropdown':
      return { type, id, variable: null, placeholder: 'Choose…', options: [], required: false };
    case 'button':
      return { type, id, text: '', action: null };
    case 'link':
      return { type, id, text: '', url: '' };
    case 'image':
      return { type, id, source: '', altText: '' };
    case 'listView':
      return { type, id, columns: [], headers: [] };
    default:
      throw new Error(`Unknown component type ${type}`);
  }
}

/** Calls fn(component, parent, index) for the component and all below it, depth first, in page order. */
export function walk(c, fn, parent = null, index = 0) {
  if (!c) return;
  fn(c, parent, index);
  (c.children || []).forEach((child, i) => walk(child, fn, c, i));
}

/** Components in page order (the order a reader sees them), root first. */
export function flatten(root) {
  const out = [];
  walk(root, (c) => out.push(c));
  return out;
}

/** The names a component inside a repeating container reads its item by (docs/script-service.md). */
export const ITEM_NAMES = ['Item', 'Item Index'];

/** The list variable of the nearest repeating container around the component (itself not counted), or null. */
export function repeatAround(script, id) {
  const hit = findInScript(script, id);
  if (!hit) return null;
  let repeat = null;
  const visit = (c, inside) => {
    if (!c) return false;
    if (c.id === id) {
      repeat = inside;
      return true;
    }
    const next = isContainer(c) && c.repeatFor ? c.repeatFor : inside;
    return (c.children || []).some((child) => visit(child, next));
  };
  visit(hit.page.root, null);
  return repeat;
}

/** Turns a web page's signed context on (with no variable yet) or off. */
export function setSignedContext(component, on) {
  if (on) component.signedContext = component.signedContext || { variables: [] };
  else delete component.signedContext;
}

/** Adds or removes one variable of a web page's signed context. */
export function toggleContextVariable(component, name, on) {
  const names = (component.signedContext && component.signedContext.variables) || [];
  const next = on ? [...new Set([...names, name])] : names.filter((n) => n !== name);
  component.signedContext = { variables: next };
}

/** {node, parent, index} of the component with this id under root, or null. */
export function find(root, id) {
  let found = null;
  walk(root, (c, parent, index) => {
    if (!found && c.id === id) found = { node: c, parent, index };
  });
  return found;
}

/** {page, node, parent, index} for a component id anywhere in the script, or null. */
export function findInScript(script, id) {
  for (const page of script.pages || []) {
    const hit = find(page.root, id);
    if (hit) return { page, ...hit };
  }
  return null;
}

export function contains(ancestor, id) {
  return !!find(ancestor, id);
}

/** Puts component into the container parentId at index (end when absent or out of range). Returns it. */
export function insert(root, parentId, index, component) {
  const hit = find(root, parentId);
  if (!hit || !isContainer(hit.node)) throw new Error(`No container ${parentId}`);
  const children = hit.node.children || (hit.node.children = []);
  const at = index == null || index < 0 || index > children.length ? children.length : index;
  children.splice(at, 0, component);
  return component;
}

/** Takes the component out of its container and returns it; the root cannot be removed. */
export function remove(root, id) {
  const hit = find(root, id);
  if (!hit || !hit.parent) return null;
  hit.parent.children.splice(hit.index, 1);
  return hit.node;
}

/**
 * Moves component id into container parentId at index, index counted before the move (as a drop indicator shows
 * it). Refuses (returns false) to move the root or a container into itself or its own descendants.
 */
export function move(root, id, parentId, index) {
  const hit = find(root, id);
  const target = find(root, parentId);
  if (!hit || !hit.parent || !target || !isContainer(target.node) || contains(hit.node, parentId)) return false;
  let at = index == null ? target.node.children.length : index;
  if (hit.parent.id === parentId && hit.index < at) at -= 1;
  hit.parent.children.splice(hit.index, 1);
  insert(root, parentId, at, hit.node);
  return true;
}

/** Moves a component one place up (delta -1) or down (+1) among its siblings. */
export function moveBy(root, id, delta) {
  const hit = find(root, id);
  if (!hit || !hit.parent) return false;
  const to = hit.index + delta;
  if (to < 0 || to >= hit.parent.children.length) return false;
  const [node] = hit.parent.children.splice(hit.index, 1);
  hit.parent.children.splice(to, 0, node);
  return true;
}

/** A deep copy with fresh ids for it and everything below it (ids added to taken). */
export function cloneFresh(component, taken) {
  const copy = deepCopy(component);
  walk(copy, (c) => {
    c.id = freshId(c.type, taken);
  });
  return copy;
}

/**
 * Where a component added "at the selection" goes: into the selected container (at its end), after the selected
 * component, or at the end of the page's root when nothing is selected.
 */
export function placeFor(root, selectedId) {
  const hit = selectedId ? find(root, selectedId) : null;
  if (!hit) return { parentId: root.id, index: (root.children || []).length };
  if (isContainer(hit.node)) return { parentId: hit.node.id, index: (hit.node.children || []).length };
  return { parentId: hit.parent.id, index: hit.index + 1 };
}

// ---------------------------------------------------------------- pages

export function blankScript(name) {
  return {
    name,
    description: null,
    features: { inbound: true, outbound: false, dataActions: true },
    startPageId: 'page-1',
    pages: [{ id: 'page-1', name: 'Start Page', root: { type: 'verticalContainer', id: 'root-1', children: [] } }],
    variables: [],
    customActions: [],
  };
}

export function addPage(script, name) {
  const taken = idsOf(script);
  const page = { id: freshId('page', taken), name, root: { type: 'verticalContainer', id: freshId('root', taken), children: [] } };
  script.pages.push(page);
  if (!script.startPageId) script.startPageId = page.id;
  return page;
}

export function removePage(script, pageId) {
  const index = script.pages.findIndex((p) => p.id === pageId);
  if (index < 0 || script.pages.length === 1) return false;
  script.pages.splice(index, 1);
  if (script.startPageId === pageId) script.startPageId = script.pages[0].id;
  return true;
}

export function movePage(script, pageId, delta) {
  const index = script.pages.findIndex((p) => p.id === pageId);
  const to = index + delta;
  if (index < 0 || to < 0 || to >= script.pages.length) return false;
  const [page] = script.pages.splice(index, 1);
  script.pages.splice(to, 0, page);
  return true;
}

// ---------------------------------------------------------------- visible / enabled

/** Reads a visible/enabled expression as {mode: always|never|variable|expression, variable, expression}. */
export function readCondition(expression) {
  const e = expression == null ? '' : String(expression).trim();
  if (!e) return { mode: 'always', variable: '', expression: '' };
  if (e === 'false') return { mode: 'never', variable: '', expression: e };
  const m = /^\{\{([^{}]+)\}\}$/.exec(e);
  if (m) return { mode: 'variable', variable: m[1], expression: e };
  return { mode: 'expression', variable: '', expression: e };
}

export function writeCondition({ mode, variable, expression }) {
  switch (mode) {
    case 'never': return 'false';
    case 'variable': return variable ? `{{${variable}}}` : null;
    case 'expression': return expression && expression.trim() ? expression : null;
    default: return null;
  }
}

/** Sets style[key] (null or '' removes it; an empty style is dropped). */
export function setStyle(component, key, value) {
  const style = { ...(component.style || {}) };
  if (value == null || value === '') delete style[key];
  else style[key] = value;
  if (Object.keys(style).length) component.style = style;
  else delete component.style;
}
