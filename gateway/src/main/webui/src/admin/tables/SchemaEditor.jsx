import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { useFocusFirst } from '../../shared/focusFirst.js';
import { BASE, describe } from './tableApi.js';
import { TYPES, nameProblem, parseValue, schemaOf, showValue } from './schema.js';
import { TypedInput } from './TypedInput.jsx';

const DRAFT_KEY = 'rapport.tables.new-draft';
const EMPTY = { name: '', description: '', keyLabel: '', columns: [] };

/** Creating a table: the editor, with the unsaved draft kept in the tab so that leaving the page loses nothing. */
export function NewTable() {
  const [restored] = useState(() => {
    try {
      return JSON.parse(sessionStorage.getItem(DRAFT_KEY) || 'null');
    } catch {
      return null;
    }
  });
  const create = async (body) => {
    const table = await api(BASE, { method: 'POST', body });
    sessionStorage.removeItem(DRAFT_KEY);
    location.hash = `#/admin/tables/${encodeURIComponent(table.id)}`;
  };
  return (
    <>
      <p><a href="#/admin/tables">All data tables</a></p>
      <SchemaEditor title="New data table" initial={restored || EMPTY} restored={!!restored} submitLabel="Create table"
        onSave={create} onDraft={(d) => sessionStorage.setItem(DRAFT_KEY, JSON.stringify(d))}
        onDiscard={() => sessionStorage.removeItem(DRAFT_KEY)} />
    </>
  );
}

/** A table's draft as the editor holds it: column defaults as typed text, existing columns marked. */
export function draftOf(table, columns, keyLabel) {
  return {
    name: table.name || '',
    description: table.description || '',
    keyLabel,
    columns: columns.map((c) => ({
      name: c.name, title: c.title, type: c.type, defaultText: showValue(c.default), existing: true, removed: false,
    })),
  };
}

/**
 * Name, description, key label and columns. onSave(body, removedNames) saves; existing columns keep their name and
 * type (the service refuses a type change), removing one needs an explicit confirmation because its values go too.
 */
export function SchemaEditor({ title, initial, pristine = EMPTY, submitLabel, onSave, onDraft, onDiscard, restored,
  onDirty }) {
  const [draft, setDraft] = useState(initial);
  const [dirty, setDirty] = useState(!!restored);
  const [fresh, setFresh] = useState({ name: '', type: 'string', defaultText: '' });
  const [error, setError] = useState(null);
  const [notice, setNotice] = useState(restored ? 'Your unsaved draft was restored.' : null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useFocusFirst();

  useEffect(() => {
    if (onDraft && dirty) onDraft(draft);
    if (onDirty) onDirty(dirty);
  }, [draft, dirty]);
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (e) => { e.preventDefault(); e.returnValue = ''; };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const change = (next) => {
    setDraft(next);
    setDirty(true);
    setConfirming(false);
  };
  const set = (field) => (e) => change({ ...draft, [field]: e.currentTarget.value });
  const setColumn = (index, patch) => change({
    ...draft, columns: draft.columns.map((c, i) => (i === index ? { ...c, ...patch } : c)),
  });
  const move = (index, by) => {
    const columns = [...draft.columns];
    const [c] = columns.splice(index, 1);
    columns.splice(index + by, 0, c);
    change({ ...draft, columns });
  };
  const remove = (index) => {
    const c = draft.columns[index];
    if (c.existing) setColumn(index, { removed: true });
    else change({ ...draft, columns: draft.columns.filter((_, i) => i !== index) });
  };

  /** Adds the column typed in the "new column" fields; answers false (and says why) when it cannot. */
  const addFresh = () => {
    const name = fresh.name.trim();
    const problem = nameProblem(name, draft.columns.map((c) => c.name));
    if (problem) {
      setError(problem);
      return false;
    }
    try {
      parseValue(fresh.type, fresh.defaultText, `The default of ${name}`);
    } catch (e) {
      setError(e.message);
      return false;
    }
    change({ ...draft, columns: [...draft.columns, { ...fresh, name, title: name, existing: false, removed: false }] });
    setFresh({ name: '', type: fresh.type, defaultText: '' });
    setError(null);
    return true;
  };

  const save = async (e) => {
    e.preventDefault();
    setError(null);
    // A column typed but not yet added is what the user meant to have: add it rather than drop it.
    if (fresh.name.trim() && !addFresh()) return;
    const current = fresh.name.trim()
      ? [...draft.columns, { ...fresh, name: fresh.name.trim(), title: fresh.name.trim() }] : draft.columns;
    let body;
    try {
      if (!draft.name.trim()) throw new Error('The table needs a name');
      if (!draft.keyLabel.trim()) throw new Error('The key needs a label, e.g. ANI');
      if (/[/\\]/.test(draft.keyLabel)) throw new Error('The key label cannot contain / or \\');
      const kept = current.filter((c) => !c.removed).map((c) => ({
        name: c.name, title: (c.title || '').trim() || c.name, type: c.type,
        default: parseValue(c.type, c.defaultText, `The default of ${c.name}`),
      }));
      body = {
        name: draft.name.trim(), description: draft.description.trim() || undefined,
        schema: schemaOf(draft.name.trim(), draft.keyLabel.trim(), kept),
      };
    } catch (err) {
      setError(err.message);
      return;
    }
    const removed = current.filter((c) => c.removed).map((c) => c.name);
    if (removed.length && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    try {
      await onSave(body, removed);
      setDirty(false);
      setConfirming(false);
    } catch (err) {
      setError(describe(err));
    } finally {
      setBusy(false);
    }
  };

  const removedNames = draft.columns.filter((c) => c.removed).map((c) => c.name);
  // Enter never saves the schema (it is too easy to press in a field): only the save button does.
  const noEnter = (e) => { if (e.key === 'Enter' && e.target.tagName === 'INPUT') e.preventDefault(); };
  return (
    <form class="schema-editor" onSubmit={save} aria-labelledby="schema-title" noValidate ref={form}
      onKeyDown={noEnter}>
      <h2 id="schema-title">{title}</h2>
      {notice && (
        <p class="notice" role="status">
          <span>{notice}</span>
          {onDiscard && (
            <button type="button" class="link" onClick={() => { onDiscard(); setDraft(pristine); setDirty(false); setNotice(null); }}>
              Start over
            </button>
          )}
        </p>
      )}
      <label class="field">
        <span class="label">Table name</span>
        <input value={draft.name} onInput={set('name')} required maxLength={256} />
      </label>
      <label class="field">
        <span class="label">Description</span>
        <input value={draft.description} onInput={set('description')} />
      </label>
      <label class="field">
        <span class="label">Key label</span>
        <input value={draft.keyLabel} onInput={set('keyLabel')} required placeholder="e.g. ANI" />
      </label>
      <p class="muted hint">The key is always text (e.g. a phone number): each row is found by it.</p>

      <fieldset class="columns">
        <legend>Columns</legend>
        {draft.columns.length === 0 ? <p class="muted">No columns yet: add them below.</p> : (
          <table class="list">
            <thead>
              <tr><th scope="col">Name</th><th scope="col">Label</th><th scope="col">Type</th><th scope="col">Default</th>
                <th scope="col"><span class="visually-hidden">Order and removal</span></th></tr>
            </thead>
            <tbody>
              {draft.columns.map((c, i) => (
                <tr key={c.name} class={c.removed ? 'removed' : undefined}>
                  <th scope="row">{c.name}{!c.existing && <span class="badge">new</span>}</th>
                  {c.removed ? (
                    <td colSpan={3}>Will be removed, with its values in every row.</td>
                  ) : (
                    <>
                      <td><input aria-label={`Label of ${c.name}`} value={c.title}
                        onInput={(e) => setColumn(i, { title: e.currentTarget.value })} /></td>
                      <td>
                        <select aria-label={`Type of ${c.name}`} value={c.type} disabled={c.existing}
                          title={c.existing ? 'A column\u2019s type cannot change' : undefined}
                          onChange={(e) => setColumn(i, { type: e.currentTarget.value, defaultText: '' })}>
                          {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
                        </select>
                      </td>
                      <td><DefaultInput label={`Default of ${c.name}`} type={c.type} value={c.defaultText}
                        onValue={(v) => setColumn(i, { defaultText: v })} /></td>
                    </>
                  )}
                  <td class="actions">
                    {c.removed ? (
                      <button type="button" class="link" onClick={() => setColumn(i, { removed: false })}>Keep {c.name}</button>
                    ) : (
                      <>
                        <button type="button" class="link" aria-label={`Move ${c.name} up`} disabled={i === 0}
                          onClick={() => move(i, -1)}>↑</button>
                        <button type="button" class="link" aria-label={`Move ${c.name} down`}
                          disabled={i === draft.columns.length - 1} onClick={() => move(i, 1)}>↓</button>
                        <button type="button" class="link danger" onClick={() => remove(i)}>Remove {c.name}</button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div class="new-column" role="group" aria-label="New column">
          <label class="field">
            <span class="label">Column name</span>
            <input value={fresh.name} onInput={(e) => setFresh({ ...fresh, name: e.currentTarget.value })}
              onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addFresh(); } }} />
          </label>
          <label class="field">
            <span class="label">Column type</span>
            <select value={fresh.type} onChange={(e) => setFresh({ ...fresh, type: e.currentTarget.value, defaultText: '' })}>
              {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
          <div class="field">
            <span class="label" id="fresh-default">Column default</span>
            <DefaultInput labelledBy="fresh-default" type={fresh.type} value={fresh.defaultText}
              onValue={(v) => setFresh({ ...fresh, defaultText: v })} onEnter={addFresh} />
          </div>
          <button type="button" onClick={addFresh}>Add column</button>
        </div>
      </fieldset>

      {error && <p class="error" role="alert">{error}</p>}
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby="remove-title" aria-describedby="remove-text">
          <h3 id="remove-title">Remove {removedNames.join(', ')}?</h3>
          <p id="remove-text">
            The column{removedNames.length > 1 ? 's' : ''} and {removedNames.length > 1 ? 'their' : 'its'} values in
            every row will be deleted. This cannot be undone.
          </p>
          <button type="submit" class="danger" disabled={busy}>Remove and save</button>
          <button type="button" class="link" onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      )}
      {!confirming && (
        <div class="form-actions">
          <button type="submit" disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
          {dirty && <span class="muted">Unsaved changes</span>}
        </div>
      )}
    </form>
  );
}

/** A default value: a choice for booleans, typed text otherwise (checked as a number for numbers). '' is none. */
function DefaultInput({ label, labelledBy, type, value, onValue, onEnter }) {
  const a11y = label ? { 'aria-label': label } : { 'aria-labelledby': labelledBy };
  if (type === 'boolean') {
    return (
      <select {...a11y} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
        <option value="">(none: false)</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  }
  return (
    <TypedInput {...a11y} type={type} value={value} what={label || 'The default'} onValue={onValue}
      placeholder={type === 'string' ? '(none: blank)' : '(none: 0)'}
      onKeyDown={(e) => { if (e.key === 'Enter' && onEnter) onEnter(); }} />
  );
}
