// One component of the canvas and its children, memoised: each gets the selection and the drop only when they
// concern its subtree, so that a change redraws the changed components and the path to them, not the whole page.
import { memo } from 'preact/compat';
import { externalUrl } from '../../desktop/Script.jsx';
import { Sr } from './Sr.jsx';
import { MOVE_ID } from './session.js';
import { isContainer, readCondition, splitTemplate, typeLabel } from './model.js';

const ARRANGE = { start: 'flex-start', center: 'center', end: 'flex-end' };

/**
 * The element of the canvas that stands for a component and takes the focus: the component's own element, or for a
 * container the treeitem at the top of its box (the box holds its children's group, not part of its name).
 */
export function itemNode(canvas, id) {
  const el = canvas && canvas.querySelector(`[data-cid="${CSS.escape(id)}"]`);
  if (!el || el.getAttribute('role') === 'treeitem') return el;
  return el.querySelector(':scope > [role="treeitem"]');
}

function styleOf(c) {
  const s = c.style || {};
  const css = {};
  if (s.width) css.width = s.width === 'stretch' ? '100%' : s.width;
  if (s.height) css.height = s.height === 'stretch' ? '100%' : s.height;
  if (s.margin != null) css.margin = `${Number(s.margin) || 0}px`;
  if (s.backgroundColor && !s.backgroundColor.includes('{{')) css.backgroundColor = s.backgroundColor;
  if (s.textColor && !s.textColor.includes('{{')) css.color = s.textColor;
  if (c.childArrangement) css.justifyContent = ARRANGE[c.childArrangement] || 'flex-start';
  return css;
}

function describe(c, isRoot) {
  const short = (t) => {
    const s = String(t || '').replace(/\s+/g, ' ').trim();
    return s.length > 60 ? `${s.slice(0, 59)}…` : s;
  };
  const label = typeLabel(c.type);
  switch (c.type) {
    case 'verticalContainer':
    case 'horizontalContainer':
      return isRoot ? `Page root (${label.toLowerCase()})` : `${label} ${c.id}${c.repeatFor ? `, repeated for each item of ${c.repeatFor}` : ''}`;
    case 'text': return `Text: ${short(c.text) || '(empty)'}`;
    case 'webPage': return `Web page: ${short(c.source) || '(no source)'}`;
    case 'image': return `Image: ${short(c.source) || '(no source)'}`;
    case 'link': return `Link: ${short(c.text || c.url) || '(empty)'}`;
    case 'button': return `Button: ${short(c.text) || '(no text)'}`;
    case 'listView': return `List view ${c.id}`;
    default: return `${label}: ${c.variable || '(no variable)'}`;
  }
}

/** Text with {{references}}: each unresolved one marked, or replaced by its preview value. */
function Template({ text, values }) {
  return splitTemplate(text).map((p, i) => {
    if (!p.ref) return p.text;
    const v = values && values[p.name];
    return v != null && v !== '' ? <span key={i} class="d-value" title={p.ref}>{String(v)}</span>
      : <span key={i} class="d-var">{p.ref}</span>;
  });
}

function resolve(text, values) {
  return splitTemplate(text).map((p) => (p.ref ? (values && values[p.name] != null ? String(values[p.name]) : '') : p.text)).join('');
}

// The props of an item: the selection and the drop pass down only along their path.
export function narrow(ctx, id) {
  const on = !!ctx.path && ctx.path.has(id);
  return { selectedId: on ? ctx.selectedId : null, drop: on ? ctx.drop : null, path: on ? ctx.path : null,
    onSelect: ctx.onSelect, values: ctx.values, dragging: ctx.dragging };
}

export const Item = memo(ItemView);

function ItemView({ c, level, isRoot = false, selectedId, drop, path, onSelect, values: shown, dragging }) {
  const ctx = { selectedId, drop, path, onSelect, values: shown, dragging };
  const selected = ctx.selectedId === c.id;
  const visible = readCondition(c.style && c.style.visible).mode;
  const enabled = readCondition(c.style && c.style.enabled).mode;
  const d = ctx.drop && ctx.drop.targetId === c.id ? ctx.drop : null;
  const classes = ['d-item', selected && 'd-selected', visible === 'never' && 'd-hidden',
    visible !== 'always' && visible !== 'never' && 'd-conditional',
    d && `d-drop-${d.where}${d.axis === 'x' ? '-x' : ''}`].filter(Boolean).join(' ');
  const item = {
    role: 'treeitem',
    'aria-level': level,
    // Containers and images are named by aria-label; the others by their content behind a hidden "Type: " prefix,
    // so that a property field's label is never also the label of a canvas item (getByLabel stays exact).
    'aria-label': isContainer(c) || c.type === 'image' ? describe(c, isRoot) : undefined,
    'aria-selected': selected ? 'true' : 'false',
    tabIndex: selected || (isRoot && !ctx.selectedId) ? 0 : -1,
  };
  const box = {
    'data-cid': c.id,
    draggable: !isRoot,
    onDragStart: isRoot ? undefined : (e) => {
      e.stopPropagation();
      dragging.value = { type: null, id: c.id };
      e.dataTransfer.setData(MOVE_ID, c.id);
      e.dataTransfer.effectAllowed = 'move';
    },
    onDragEnd: () => { dragging.value = { type: null, id: null }; },
    onClick: (e) => {
      e.stopPropagation();
      ctx.onSelect(c.id);
    },
    style: styleOf(c),
  };
  const common = { ...item, ...box };
  const disabled = enabled === 'never';
  const values = ctx.values;
  switch (c.type) {
    case 'verticalContainer':
    case 'horizontalContainer': {
      // The box is the container on the page; its treeitem, at its top, owns the group of its children (a treeitem
      // around them would take their text into its name).
      const kids = c.children || [];
      const { justifyContent, ...outer } = box.style;
      return (
        <div class={`d-container ${classes}`} {...box} style={outer}>
          <span class="d-handle" {...item} aria-expanded="true" aria-owns={`d-group-${c.id}`} />
          {c.repeatFor && <span class="d-note d-repeat" aria-hidden="true">For each item of {c.repeatFor}</span>}
          <div id={`d-group-${c.id}`} role="group" class={c.type === 'verticalContainer' ? 'vbox' : 'hbox'}
            style={{ justifyContent }}>
            {kids.map((child) => <Item key={child.id} c={child} level={level + 1} {...narrow(ctx, child.id)} />)}
            {kids.length === 0 && <p class="d-empty" aria-hidden="true">Empty {typeLabel(c.type).toLowerCase()}: drag components here, or select it and click one in Components</p>}
          </div>
        </div>
      );
    }
    case 'text':
      return (
        <p class={`text ${classes}`} {...common}>
          <Sr>Text: </Sr>{c.text ? <Template text={c.text} values={values} /> : <span class="d-note">(empty text)</span>}
        </p>
      );
    case 'webPage':
      return (
        <div class={`webpage d-webpage ${classes}`} {...common}>
          <span class="d-kind">Web page:</span> <span class="d-source"><Template text={c.source || '(no source)'} values={values} /></span>
        </div>
      );
    case 'image': {
      const resolved = resolve(c.source, values).trim();
      const src = resolved ? externalUrl(resolved) : null;
      return src
        ? <img class={classes} src={src} alt={resolve(c.altText, values)} referrerpolicy="no-referrer" {...common} />
        : <div class={`d-placeholder ${classes}`} {...common}><span class="d-kind" aria-hidden="true">Image</span> <Template text={c.source || '(no source)'} values={values} /></div>;
    }
    case 'link':
      return <span class={`d-link ${classes}`} {...common}><Sr>Link: </Sr><Template text={c.text || c.url || 'Link'} values={values} /></span>;
    case 'button':
      return (
        <span class={`button-wrap ${classes}`} {...common}>
          <Sr>Button: </Sr>
          <span class={`d-button ${disabled ? 'd-disabled' : ''}`}><Template text={c.text || c.id} values={values} /></span>
          {c.action && <span class="d-note" aria-hidden="true">runs {c.action}</span>}
        </span>
      );
    case 'listView':
      return (
        <table class={`list ${classes}`} {...common}>
          <caption class="d-sr">{describe(c)}</caption>
          <thead><tr>{(c.columns || []).map((col, i) => <th key={i} scope="col">{(c.headers || [])[i] || col}</th>)}</tr></thead>
          <tbody><tr>{(c.columns || []).map((col, i) => <td key={i} class="d-var">{`{{${col}}}`}</td>)}</tr></tbody>
        </table>
      );
    default:
      return <InputPreview c={c} classes={classes} common={common} disabled={disabled} values={values} />;
  }
}

// The agent's input markup, inert: the designer's inputs are the properties, not these.
function InputPreview({ c, classes, common, disabled, values }) {
  const label = c.variable || '(no variable)';
  const value = values && c.variable && values[c.variable] != null ? String(values[c.variable]) : '';
  const inert = { disabled: true, tabIndex: -1, 'aria-hidden': 'true' };
  const mark = `${c.required ? ' *' : ''}${disabled ? ' (disabled)' : ''}`;
  const sr = <Sr>{`${typeLabel(c.type)}: `}</Sr>;
  switch (c.type) {
    case 'checkbox':
      return (
        <div class={`field checkbox ${classes}`} {...common}>
          {sr}<input type="checkbox" checked={value === 'true'} {...inert} />
          <span><Template text={c.label || label} values={values} /></span>
        </div>
      );
    case 'radioGroup':
      return (
        <div class={`field d-fieldset ${classes}`} {...common}>
          {sr}<span class="label">{label}{mark}</span>
          {c.optionsVariable ? <span class="d-var">{`{{${c.optionsVariable}}}`}</span>
            : (c.options || []).map((o) => (
              <span key={o.value} class="radio"><input type="radio" {...inert} checked={value === o.value} /><span>{o.label || o.value}</span></span>
            ))}
        </div>
      );
    case 'dropdown':
      return (
        <div class={`field ${classes}`} {...common}>
          {sr}<span class="label">{label}{mark}</span>
          <select {...inert}><option>{c.placeholder || 'Choose…'}</option></select>
        </div>
      );
    case 'multiLineInput':
      return (
        <div class={`field ${classes}`} {...common}>
          {sr}<span class="label">{label}{mark}</span>
          <textarea rows={4} placeholder={resolve(c.placeholder, values)} value={value} {...inert} />
        </div>
      );
    default: {
      const type = c.type === 'numberInput' ? 'number' : c.type === 'dateInput' ? 'date' : 'text';
      return (
        <div class={`field ${classes}`} {...common}>
          {sr}<span class="label">{label}{mark}</span>
          <input type={type} placeholder={resolve(c.placeholder, values)} value={value} {...inert} />
        </div>
      );
    }
  }
}
