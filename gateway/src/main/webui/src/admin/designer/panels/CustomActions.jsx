// Custom actions of the script being designed: list, create, rename, delete, and a step editor with nested blocks
// (if/else, on success/on failure, try/on error). Every edit goes through update(fn): one undo step each.
import { useEffect, useRef, useState } from 'preact/hooks';
import { usePublishedActions } from '../session.js';
import { StepList } from './StepList.jsx';
import { actionNameProblem, renameAction, usesOf } from './steps.js';
import './panels.css';

/** focusName (optional): a custom action to select, e.g. when a problem about it was chosen. */
export function CustomActionsPanel({ script, update, focusName }) {
  const actions = script?.customActions || [];
  const [selected, setSelected] = useState(actions[0]?.name || null);
  const [newName, setNewName] = useState('');
  const [newError, setNewError] = useState(null);
  const [created, setCreated] = useState(null); // the action just added: its editor takes the focus
  const current = actions.find((a) => a.name === selected) || null;

  useEffect(() => {
    if (focusName && actions.some((a) => a.name === focusName)) setSelected(focusName);
  }, [focusName]);

  useEffect(() => {
    if (selected && !actions.some((a) => a.name === selected)) setSelected(actions[0]?.name || null);
  }, [actions.map((a) => a.name).join('\u0000')]);

  if (!script) return null;

  const create = (e) => {
    e.preventDefault();
    const problem = actionNameProblem(script, newName);
    if (problem) {
      setNewError(problem);
      return;
    }
    const name = newName.trim();
    update((s) => {
      s.customActions = [...(s.customActions || []), { name, steps: [] }];
    });
    setSelected(name);
    setCreated(name);
    setNewName('');
    setNewError(null);
  };

  return (
    <section class="panel custom-actions" aria-labelledby="ca-title">
      <h3 id="ca-title">Custom actions</h3>
      {actions.length === 0 ? <p class="muted">No custom actions yet.</p> : (
        <ul class="ca-list" aria-label="Custom action list">
          {actions.map((a) => (
            <li key={a.name}>
              <button type="button" class={a.name === selected ? 'ca-item selected' : 'ca-item'}
                aria-pressed={a.name === selected ? 'true' : 'false'} onClick={() => setSelected(a.name)}>
                {a.name}
              </button>
              <span class="muted"> {(a.steps || []).length} step{(a.steps || []).length === 1 ? '' : 's'}</span>
            </li>
          ))}
        </ul>
      )}
      <form class="ca-new" onSubmit={create}>
        <label class="field">
          <span class="label">New custom action name</span>
          <input type="text" value={newName} maxLength={128} aria-invalid={newError ? 'true' : undefined}
            onInput={(e) => { setNewName(e.currentTarget.value); setNewError(null); }} />
        </label>
        <button type="submit">Add custom action</button>
        {newError && <p class="error" role="alert">{newError}</p>}
      </form>
      {current && (
        <ActionEditor key={current.name} script={script} action={current} update={update}
          onRenamed={setSelected} focus={created === current.name} />
      )}
    </section>
  );
}

function ActionEditor({ script, action, update, onRenamed, focus }) {
  const [name, setName] = useState(action.name);
  const nameInput = useRef(null);
  useEffect(() => { if (focus && nameInput.current) nameInput.current.focus(); }, []);
  const [error, setError] = useState(null);
  const published = usePublishedActions();
  const index = (script.customActions || []).findIndex((a) => a.name === action.name);
  const uses = usesOf(script, action.name);

  const rename = () => {
    const to = name.trim();
    if (to === action.name) return;
    const problem = actionNameProblem(script, to, action.name);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    update((s) => renameAction(s, action.name, to));
    onRenamed(to);
  };
  const remove = () => {
    update((s) => {
      s.customActions = (s.customActions || []).filter((a) => a.name !== action.name);
    });
  };
  const ctx = {
    script,
    published,
    variables: (script.variables || []).map((v) => v.name),
    edit: (fn, key) => update((s) => fn(s.customActions[index], s), key),
  };

  return (
    <div class="ca-editor">
      <div class="ca-head">
        <label class="field">
          <span class="label">Custom action name</span>
          <input ref={nameInput} type="text" value={name} maxLength={128} aria-invalid={error ? 'true' : undefined}
            onInput={(e) => { setName(e.currentTarget.value); setError(null); }} onBlur={rename}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); rename(); } }} />
        </label>
        <button type="button" onClick={rename} disabled={name.trim() === action.name}>Rename</button>
        <button type="button" class="danger" onClick={remove}>Delete custom action</button>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <label class="field">
        <span class="label">Description of {action.name}</span>
        <input type="text" value={action.description || ''}
          onInput={(e) => {
            const value = e.currentTarget.value;
            ctx.edit((a) => { a.description = value || null; }, `ca-desc-${action.name}`);
          }} />
      </label>
      <p class="muted">{uses.length ? `Used by ${uses.join(', ')}.` : 'Not used by any button, input or page yet.'}</p>
      {published.error && <p class="error" role="alert">Could not load the data actions: {published.error}</p>}
      <StepList ctx={ctx} steps={action.steps || []} path={[]} title={action.name} prefix="step" />
    </div>
  );
}
