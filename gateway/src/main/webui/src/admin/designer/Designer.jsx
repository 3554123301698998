// The visual script designer: palette / pages / variables / custom actions on the left, the canvas in the middle,
// the selection's properties / problems / versions / preview on the right. One script object, changed only through
// update(fn) (one undo step each), saved as a draft shortly after each change.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Canvas, useFollowSelection } from './Canvas.jsx';
import { itemNode } from './CanvasItem.jsx';
import { DraftBar } from './DraftBar.jsx';
import { PublishButton } from './PublishButton.jsx';
import { Palette } from './Palette.jsx';
import { Properties } from './Properties.jsx';
import { Pages } from './Pages.jsx';
import { Variables } from './Variables.jsx';
import { CustomActionsPanel } from './panels/CustomActions.jsx';
import { ProblemsPanel } from './panels/Problems.jsx';
import { VersionsPanel } from './panels/Versions.jsx';
import { PreviewPanel } from './panels/Preview.jsx';
import { useDraft } from './draft.js';
import { Tabs } from './Tabs.jsx';
import { DesignerSession, designerSession } from './session.js';
import {
  addPage, cloneFresh, find, findInScript, flatten, idsOf, insert, isContainer, moveBy, newComponent, placeFor, remove, typeLabel,
} from './model.js';
import './designer.css';

const LEFT_TABS = ['Components', 'Pages', 'Variables', 'Custom actions'];
const RIGHT_TABS = ['Properties', 'Problems', 'Versions', 'Preview'];

function isEditable(el) {
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export function Designer({ scriptId }) {
  const draft = useDraft(scriptId);
  const { script, update } = draft;
  const [pageId, setPageId] = useState(null);
  const [selectedId, setSelectedId] = useState(null);
  const [left, setLeft] = useState('Components');
  const [right, setRight] = useState('Properties');
  const [showValues, setShowValues] = useState(false);
  const [focusVariable, setFocusVariable] = useState(null);
  const [published, setPublished] = useState(0); // a publish from the toolbar: the Versions tab reloads
  const session = useMemo(designerSession, []);
  const clipboard = useRef(null);
  const canvasRef = useRef(null);
  useFollowSelection(canvasRef, selectedId);
  // A key handled in the canvas that moves the focused item (Alt+arrows, undo of a move...) moves its DOM node,
  // which loses the focus: give it back at once, so that the next key still reaches the designer.
  const refocus = useRef(false);
  useLayoutEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    const canvas = canvasRef.current;
    if (!canvas || !selectedId || canvas.contains(document.activeElement)) return;
    itemNode(canvas, selectedId)?.focus({ preventScroll: true });
  });
  const variables = script && script.variables;
  const values = useMemo(() => (showValues ? Object.fromEntries((variables || [])
    .filter((v) => v.default != null && v.default !== '')
    .map((v) => [v.name, Array.isArray(v.default) ? v.default.join(', ') : v.default])) : null), [showValues, variables]);

  if (draft.loadError) {
    return (
      <main class="admin">
        <p class="error" role="alert">{draft.loadError}</p>
        <a href="#/admin/scripts">Back to the scripts</a>
      </main>
    );
  }
  if (!script) return <main class="admin"><p class="muted" role="status">Loading the script…</p></main>;

  const page = script.pages.find((p) => p.id === pageId) || script.pages.find((p) => p.id === script.startPageId) || script.pages[0];
  if (!page) {
    return (
      <main class="admin">
        <p class="notice warning" role="status">This script has no page yet.</p>
        <button type="button" onClick={() => update((s) => { addPage(s, 'Start Page'); })}>Add page</button>
      </main>
    );
  }
  const selected = selectedId ? find(page.root, selectedId) : null;
  const select = (id) => setSelectedId(id);
  const showPage = (id) => {
    setPageId(id);
    setSelectedId(null);
  };

  const onPage = (fn) => update((s) => {
    const p = s.pages.find((x) => x.id === page.id);
    return p ? fn(p, s) : false;
  });
  const add = (type) => {
    let made = null;
    onPage((p, s) => {
      const at = placeFor(p.root, selected ? selectedId : null);
      made = newComponent(type, idsOf(s));
      insert(p.root, at.parentId, at.index, made);
    });
    if (made) select(made.id);
  };
  const actions = {
    moveBy: (delta) => selected && onPage((p) => moveBy(p.root, selectedId, delta)),
    remove: () => {
      if (!selected || !selected.parent) return;
      const siblings = selected.parent.children;
      const next = siblings[selected.index + 1] || siblings[selected.index - 1] || selected.parent;
      onPage((p) => !!remove(p.root, selectedId));
      select(next.id);
    },
    copy: () => {
      if (selected && selected.parent) clipboard.current = JSON.parse(JSON.stringify(selected.node));
    },
    paste: () => {
      if (!clipboard.current) return;
      let made = null;
      onPage((p, s) => {
        const at = placeFor(p.root, selected ? selectedId : null);
        made = cloneFresh(clipboard.current, idsOf(s));
        insert(p.root, at.parentId, at.index, made);
      });
      if (made) select(made.id);
    },
    duplicate: () => {
      actions.copy();
      if (selected && !isContainer(selected.node)) actions.paste();
      else if (selected) {
        let made = null;
        onPage((p, s) => {
          const hit = find(p.root, selectedId);
          made = cloneFresh(hit.node, idsOf(s));
          insert(p.root, hit.parent.id, hit.index + 1, made);
        });
        if (made) select(made.id);
      }
    },
  };

  const keyDown = (e) => {
    if (isEditable(e.target)) return;
    const ctrl = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (ctrl && key === 'z') {
      e.preventDefault();
      if (e.shiftKey) draft.redo(); else draft.undo();
    } else if (ctrl && key === 'y') {
      e.preventDefault();
      draft.redo();
    } else if (ctrl && key === 'c' && selected) {
      e.preventDefault();
      actions.copy();
    } else if (ctrl && key === 'v') {
      e.preventDefault();
      actions.paste();
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && selected) {
      e.preventDefault();
      actions.moveBy(e.key === 'ArrowUp' ? -1 : 1);
    } else if ((e.key === 'Delete' || (e.key === 'Backspace' && canvasRef.current?.contains(e.target)))
      && selected && selected.parent) {
      e.preventDefault();
      actions.remove();
    } else if (canvasRef.current && canvasRef.current.contains(e.target) && !e.altKey && !ctrl) {
      // arrows walk the canvas in reading order; Escape goes to the parent
      const order = flatten(page.root).map((c) => c.id);
      const i = order.indexOf(selectedId);
      if (e.key === 'ArrowDown' || e.key === 'ArrowRight') {
        e.preventDefault();
        select(order[Math.min(order.length - 1, i + 1)]);
      } else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') {
        e.preventDefault();
        select(order[Math.max(0, i - 1)]);
      } else if (e.key === 'Home') {
        e.preventDefault();
        select(order[0]);
      } else if (e.key === 'End') {
        e.preventDefault();
        select(order[order.length - 1]);
      } else if (e.key === 'Escape' && selected && selected.parent) {
        e.preventDefault();
        select(selected.parent.id);
      }
    }
  };

  const onKeyDown = (e) => {
    keyDown(e);
    if (e.defaultPrevented && canvasRef.current && canvasRef.current.contains(e.target)) {
      refocus.current = true;
      setTimeout(() => { refocus.current = false; }, 0); // only for the render this key causes
    }
  };

  // A problem's place: switch page/tab, select, scroll into view.
  const goTo = (ref) => {
    if (!ref) return;
    if (ref.kind === 'component') {
      const hit = findInScript(script, ref.id);
      if (hit) {
        setPageId(hit.page.id);
        setSelectedId(ref.id);
        setRight('Properties');
        requestAnimationFrame(() => itemNode(canvasRef.current, ref.id)?.focus());
      }
    } else if (ref.kind === 'page') {
      showPage(ref.id);
      setLeft('Pages');
    } else if (ref.kind === 'variable') {
      setLeft('Variables');
      setFocusVariable(ref.name);
    } else if (ref.kind === 'customAction') {
      setLeft('Custom actions');
    }
  };

  const target = !selected ? `to the end of the page`
    : isContainer(selected.node) ? `into the selected ${typeLabel(selected.node.type).toLowerCase()}` : 'after the selected component';
  const problems = draft.problems;
  const save = draft.save;

  return (
    <DesignerSession.Provider value={session}>
      <main class="designer" onKeyDown={onKeyDown}>
        <DraftBar draft={draft}>
          <PublishButton scriptId={scriptId} draft={draft} onPublished={() => setPublished((n) => n + 1)}
            onRefused={() => setRight('Problems')} />
        </DraftBar>
        <div class={`d-panes${right === 'Preview' ? ' d-wide' : ''}${left === 'Custom actions' ? ' d-actions' : ''}`}>
          <aside class="d-left" aria-label="Script parts">
            <Tabs id="d-left" tabs={LEFT_TABS} current={left} onChange={setLeft} />
            <div id="d-left-panel" role="tabpanel" aria-labelledby={`d-left-tab-${LEFT_TABS.indexOf(left)}`} class="d-panel">
              {left === 'Components' && <Palette onAdd={add} target={target} />}
              {left === 'Pages' && <Pages script={script} pageId={page.id} onPage={showPage} update={update} />}
              {left === 'Variables' && <Variables script={script} update={update} focusName={focusVariable} onFocused={() => setFocusVariable(null)} />}
              {left === 'Custom actions' && <CustomActionsPanel script={script} update={update} />}
            </div>
          </aside>
          <section class="d-center" aria-label="Canvas area">
            <div class="d-canvas-bar">
              <span class="d-inline">
                <label class="label" for="d-page-select">Page</label>
                <select id="d-page-select" value={page.id} onChange={(e) => showPage(e.currentTarget.value)}>
                  {script.pages.map((p) => <option key={p.id} value={p.id}>{p.name}{p.id === script.startPageId ? ' (start)' : ''}</option>)}
                </select>
              </span>
              <label class="checkbox d-inline">
                <input type="checkbox" checked={showValues} onChange={(e) => setShowValues(e.currentTarget.checked)} />
                <span>Show default values</span>
              </label>
              <span class="muted d-small">Arrows select · Alt+↑/↓ move · Delete · Ctrl+C/V · Ctrl+Z</span>
            </div>
            <Canvas page={page} selectedId={selected ? selectedId : null} onSelect={select} update={update} values={values}
              canvasRef={canvasRef} />
          </section>
          <aside class="d-right" aria-label="Details">
            <Tabs id="d-right" tabs={RIGHT_TABS} current={right} onChange={setRight}
              labels={{ Problems: problems && problems.length ? `Problems (${problems.length})` : 'Problems' }} />
            <div id="d-right-panel" role="tabpanel" aria-labelledby={`d-right-tab-${RIGHT_TABS.indexOf(right)}`} class="d-panel">
              {right === 'Properties' && <Properties script={script} selectedId={selected ? selectedId : null} update={update}
                onSelect={select} actions={actions} />}
              {right === 'Problems' && <ProblemsPanel problems={problems} onSelect={goTo} script={script} />}
              {right === 'Versions' && <VersionsPanel scriptId={scriptId} dirty={draft.dirty} onRestored={draft.reload}
                revision={draft.revision} published={published} />}
              {right === 'Preview' && <PreviewPanel scriptId={scriptId} script={script}
                saved={!draft.dirty && save.state === 'saved'} />}
            </div>
          </aside>
        </div>
      </main>
    </DesignerSession.Provider>
  );
}
