// Draws a page of the draft as the agent's page draws it (Script.jsx's classes: vbox, hbox, text, webpage, field...),
// with {{variables}} shown unresolved (or their preview values), the selection outlined, and drag and drop:
// components from the palette and moves within the page, with a line or box showing where the drop lands.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { memo } from 'preact/compat';
import { externalUrl } from '../../desktop/Script.jsx';
import { useDesignerSession } from './session.js';
import { find, isContainer, newComponent, idsOf, insert, move, splitTemplate, typeLabel, readCondition } from './model.js';

const ARRANGE = { start: 'flex-start', center: 'center', end: 'flex-end' };
export const NEW_TYPE = 'application/x-rapport-component';
export const MOVE_ID = 'application/x-rapport-move';

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

export function describe(c, isRoot) {
  const short = (t) => {
    const s = String(t || '').replace(/\s+/g, ' ').trim();
    return s.length > 60 ? `${s.slice(0, 59)}…` : s;
  };
  const label = typeLabel(c.type);
  switch (c.type) {
    case 'verticalContainer':
    case 'horizontalContainer':
      return isRoot ? `Page root (${label.toLowerCase()})` : `${label} ${c.id}`;
    case 'text': return `Text: ${short(c.text) || '(empty)'}`;
    case 'webPage': return `Web page: ${short(c.source) || '(no source)'}`;
    case 'image': return `Image: ${short(c.source) || '(no source)'}`;
    case 'link': return `Link: ${short(c.text || c.url) || '(empty)'}`;
    case 'button': return `Button: ${short(c.text) || '(no text)'}`;
    case 'listView': return `List view ${c.id}`;
    default: return `${label}: ${c.variable || '(no variable)'}`;
  }
}

// Text for screen readers only. Buttons are named this way rather than by aria-label, so that a name never
// also reads as the label of a field (Playwright's getByLabel matches aria-label too).
export function Sr({ children }) {
  return <span class="d-sr">{children}</span>;
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

export function Canvas({ page, selectedId, onSelect, update, values, canvasRef }) {
  const [drop, setDrop] = useState(null); // {parentId, index, targetId, where: before|after|inside, axis}
  const { dragging } = useDesignerSession();
  const root = page.root;

  const computeDrop = (e) => {
    const el = e.target.closest && e.target.closest('[data-cid]');
    if (!el) return null;
    const id = el.getAttribute('data-cid');
    const hit = find(root, id);
    if (!hit) return null;
    const moving = dragging.value.id ? find(root, dragging.value.id) : null;
    const rect = el.getBoundingClientRect();
    const parentAxis = hit.parent && hit.parent.type === 'horizontalContainer' ? 'x' : 'y';
    const pos = parentAxis === 'x' ? e.clientX - rect.left : e.clientY - rect.top;
    const size = parentAxis === 'x' ? rect.width : rect.height;
    let result;
    if (isContainer(hit.node) && (!hit.parent || (pos > 12 && pos < size - 12))) {
      result = { parentId: id, index: (hit.node.children || []).length, targetId: id, where: 'inside' };
    } else {
      const after = pos > size / 2;
      result = { parentId: hit.parent.id, index: hit.index + (after ? 1 : 0), targetId: id, where: after ? 'after' : 'before', axis: parentAxis };
    }
    // never into the moved container itself or below it
    if (moving && find(moving.node, result.parentId)) return null;
    return result;
  };

  const dragOver = (e) => {
    if (!dragging.value.type && !dragging.value.id) return;
    const next = computeDrop(e);
    if (!next) {
      if (drop) setDrop(null);
      return;
    }
    e.preventDefault();
    e.dataTransfer.dropEffect = dragging.value.id ? 'move' : 'copy';
    if (!drop || drop.targetId !== next.targetId || drop.where !== next.where) setDrop(next);
  };
  const dropHere = (e) => {
    const target = computeDrop(e) || drop;
    setDrop(null);
    if (!target) return;
    e.preventDefault();
    const type = dragging.value.type || e.dataTransfer.getData(NEW_TYPE);
    const id = dragging.value.id || e.dataTransfer.getData(MOVE_ID);
    dragging.value = { type: null, id: null };
    if (id) {
      update((s) => {
        const p = s.pages.find((x) => x.id === page.id);
        return move(p.root, id, target.parentId, target.index);
      });
      onSelect(id);
    } else if (type) {
      let made = null;
      update((s) => {
        const p = s.pages.find((x) => x.id === page.id);
        made = newComponent(type, idsOf(s));
        insert(p.root, target.parentId, target.index, made);
      });
      if (made) onSelect(made.id);
    }
  };
  const leave = (e) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setDrop(null);
  };

  // Items are memoised: each gets the selection and the drop only when they concern its subtree, so that a change
  // redraws the changed components and the path to them, not the whole page.
  const latestSelect = useRef(onSelect);
  latestSelect.current = onSelect;
  const select = useCallback((id) => latestSelect.current(id), []);
  const path = new Set();
  const mark = (id) => {
    for (let hit = id && find(root, id); hit; hit = hit.parent && find(root, hit.parent.id)) path.add(hit.node.id);
  };
  mark(selectedId);
  mark(drop && drop.targetId);
  const ctx = { selectedId, onSelect: select, values, drop, path, dragging };
  return (
    <div class="d-canvas script-page" ref={canvasRef} role="tree" aria-label="Canvas" data-page={page.id}
      onDragOver={dragOver} onDrop={dropHere} onDragLeave={leave} onDragEnd={() => setDrop(null)}
      onClick={(e) => e.target === e.currentTarget && onSelect(root.id)}>
      <Item c={root} level={1} isRoot {...narrow(ctx, root.id)} />
    </div>
  );
}

// The props of an item: the selection and the drop pass down only along their path.
function narrow(ctx, id) {
  const on = !!ctx.path && ctx.path.has(id);
  return { selectedId: on ? ctx.selectedId : null, drop: on ? ctx.drop : null, path: on ? ctx.path : null,
    onSelect: ctx.onSelect, values: ctx.values, dragging: ctx.dragging };
}

const Item = memo(ItemView);

function ItemView({ c, level, isRoot = false, selectedId, drop, path, onSelect, values: shown, dragging }) {
  const ctx = { selectedId, drop, path, onSelect, values: shown, dragging };
  const selected = ctx.selectedId === c.id;
  const visible = readCondition(c.style && c.style.visible).mode;
  const enabled = readCondition(c.style && c.style.enabled).mode;
  const d = ctx.drop && ctx.drop.targetId === c.id ? ctx.drop : null;
  const classes = ['d-item', selected && 'd-selected', visible === 'never' && 'd-hidden',
    visible !== 'always' && visible !== 'never' && 'd-conditional',
    d && `d-drop-${d.where}${d.axis === 'x' ? '-x' : ''}`].filter(Boolean).join(' ');
  const common = {
    'data-cid': c.id,
    role: 'treeitem',
    'aria-level': level,
    // Containers, images and lists are named by aria-label; the others by their content behind a hidden "Type: "
    // prefix, so that a property field's label is never also the label of a canvas item (getByLabel stays exact).
    'aria-label': isContainer(c) || c.type === 'listView' || c.type === 'image' ? describe(c, isRoot) : undefined,
    'aria-selected': selected ? 'true' : 'false',
    tabIndex: selected || (isRoot && !ctx.selectedId) ? 0 : -1,
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
  const disabled = enabled === 'never';
  const values = ctx.values;
  switch (c.type) {
    case 'verticalContainer':
    case 'horizontalContainer': {
      const kids = c.children || [];
      return (
        <div class={`${c.type === 'verticalContainer' ? 'vbox' : 'hbox'} d-container ${classes}`} {...common}
          aria-expanded="true">
          {kids.map((child) => <Item key={child.id} c={child} level={level + 1} {...narrow(ctx, child.id)} />)}
          {kids.length === 0 && <p class="d-empty" aria-hidden="true">Empty {typeLabel(c.type).toLowerCase()}: drag components here, or select it and click one in Components</p>}
        </div>
      );
    }
    case 'text':
      return <p class={`text ${classes}`} {...common}><Sr>Text: </Sr><Template text={c.text} values={values} /></p>;
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

/** Scrolls the selected component into view and focuses it when the canvas has the focus. */
export function useFollowSelection(canvasRef, selectedId) {
  const first = useRef(true);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !selectedId) return;
    const el = canvas.querySelector(`[data-cid="${CSS.escape(selectedId)}"]`);
    if (!el) return;
    // keep the keyboard in the canvas, also when the focused item was just deleted (the focus fell to the body)
    const active = document.activeElement;
    if ((canvas.contains(active) || !active || active === document.body) && active !== el) el.focus({ preventScroll: true });
    if (!first.current) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    first.current = false;
  }, [selectedId]);
}
