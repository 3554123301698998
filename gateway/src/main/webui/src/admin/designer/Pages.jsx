// The script's pages: add, rename, reorder, delete, set the start page and a page's load action; and below them the
// script's own settings (wrap-up).
import { useState } from 'preact/hooks';
import { addPage, movePage, removePage } from './model.js';
import { Check, Text } from './Properties.jsx';
import { ScriptSettings } from './ScriptSettings.jsx';
import { Sr } from './Sr.jsx';

export function Pages({ script, pageId, onPage, update }) {
  const [newName, setNewName] = useState('');
  const page = script.pages.find((p) => p.id === pageId) || script.pages[0];
  const change = (key, fn) => update((s) => {
    const p = s.pages.find((x) => x.id === page.id);
    if (!p) return false;
    fn(p, s);
    return undefined;
  }, `page:${page.id}:${key}`);
  const add = (e) => {
    e.preventDefault();
    const name = newName.trim() || `Page ${script.pages.length + 1}`;
    let made = null;
    update((s) => { made = addPage(s, name); });
    setNewName('');
    if (made) onPage(made.id);
  };
  return (
    <div class="d-pages">
      <ul class="d-page-list" aria-label="Pages">
        {script.pages.map((p, i) => (
          <li key={p.id}>
            <button type="button" class={`d-page ${p.id === page.id ? 'current' : ''}`} aria-pressed={p.id === page.id ? 'true' : 'false'}
              onClick={() => onPage(p.id)}>
              {p.name}{script.startPageId === p.id ? ' (start)' : ''}
            </button>
            <button type="button" class="link" disabled={i === 0}
              onClick={() => update((s) => movePage(s, p.id, -1))}><span aria-hidden="true">↑</span><Sr>Move page {p.name} up</Sr></button>
            <button type="button" class="link" disabled={i === script.pages.length - 1}
              onClick={() => update((s) => movePage(s, p.id, 1))}><span aria-hidden="true">↓</span><Sr>Move page {p.name} down</Sr></button>
          </li>
        ))}
      </ul>
      <form class="d-inline-form" onSubmit={add}>
        <label class="field">
          <span class="label">Name of the new page</span>
          <input value={newName} onInput={(e) => setNewName(e.currentTarget.value)} maxLength={256} />
        </label>
        <button type="submit">Add page</button>
      </form>

      <h3>Page “{page.name}”</h3>
      <Text label="Page name" value={page.name} onChange={(v) => change('name', (p) => { p.name = v; })}
        hint={page.name.trim() ? null : 'A page needs a name'} />
      <Check label="Start page" checked={script.startPageId === page.id}
        onChange={(v) => v && change('start', (p, s) => { s.startPageId = p.id; })} />
      <Text label="Page load action" value={page.onLoad} list="d-page-actions"
        onChange={(v) => change('onLoad', (p) => { p.onLoad = v || null; })} />
      <datalist id="d-page-actions">{(script.customActions || []).map((a) => <option key={a.name} value={a.name} />)}</datalist>
      <button type="button" class="danger" disabled={script.pages.length === 1}
        onClick={() => {
          const next = script.pages.find((p) => p.id !== page.id);
          update((s) => removePage(s, page.id));
          onPage(next.id);
        }}>
        Delete page
      </button>
      <p class="muted d-small">{script.pages.length === 1 ? 'A script keeps at least one page.' : 'Undo brings a deleted page back.'}</p>
      <ScriptSettings script={script} update={update} />
    </div>
  );
}
