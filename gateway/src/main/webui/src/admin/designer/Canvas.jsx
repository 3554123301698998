// Draws a page of the draft as the agent's page draws it (Script.jsx's classes: vbox, hbox, text, webpage, field...),
// with {{variables}} shown unresolved (or their preview values), the selection outlined, and drag and drop:
// components from the palette and moves within the page, with a line or box showing where the drop lands.
// The items themselves are drawn by CanvasItem.jsx.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Item, itemNode, narrow } from './CanvasItem.jsx';
import { MOVE_ID, NEW_TYPE, useDesignerSession } from './session.js';
import { find, idsOf, insert, isContainer, move, newComponent } from './model.js';

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

/** Scrolls the selected component into view and focuses it when the canvas has the focus. */
export function useFollowSelection(canvasRef, selectedId) {
  const first = useRef(true);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !selectedId) return;
    const el = itemNode(canvas, selectedId);
    if (!el) return;
    // keep the keyboard in the canvas, also when the focused item was just deleted (the focus fell to the body)
    const active = document.activeElement;
    if ((canvas.contains(active) || !active || active === document.body) && active !== el) el.focus({ preventScroll: true });
    if (!first.current) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    first.current = false;
  }, [selectedId]);
}
