// The designer's top bar: back to the scripts, the script's name, undo/redo, how the draft's save stands and what
// the designer adds (Publish); and, while someone else's save conflicts with this one, the notice with its two ways out.
export function DraftBar({ draft, children }) {
  const { script, update, save } = draft;
  const status = save.state === 'saving' ? 'Saving…' : save.state === 'dirty' ? 'Changes pending' : save.state === 'error' ? 'Save failed'
    : save.state === 'conflict' ? 'Not saved: changed elsewhere' : 'Saved';
  return (
    <>
      <header class="d-toolbar">
        <a href="#/admin/scripts">← Scripts</a>
        <label class="d-name">
          <span class="label">Script name</span>
          <input value={script.name} maxLength={256} aria-invalid={script.name.trim() ? undefined : 'true'}
            onInput={(e) => { const v = e.currentTarget.value; update((s) => { s.name = v; }, 'script:name'); }} />
        </label>
        <button type="button" onClick={draft.undo} disabled={!draft.canUndo} title="Ctrl+Z">Undo</button>
        <button type="button" onClick={draft.redo} disabled={!draft.canRedo} title="Ctrl+Shift+Z">Redo</button>
        <span class={`d-save ${save.state}`} role="status" aria-live="polite">{status}</span>
        {save.state === 'error' && (
          <span class="d-save-error" role="alert">
            {save.error} <button type="button" class="link" onClick={draft.flush}>Retry save</button>
          </span>
        )}
        {children}
      </header>
      {draft.conflict && (
        <div class="notice warning d-conflict" role="alert">
          <p><strong>This script was changed elsewhere</strong>: someone else saved it after you loaded it.
            {' '}Autosave is paused; your changes here are not saved yet.</p>
          {draft.conflict.message && <p>{draft.conflict.message}</p>}
          <p>“Load their version” shows the saved script and your unsaved changes here are lost.
            {' '}“Keep mine” saves your version over theirs.</p>
          {save.error && <p class="error">{save.error}</p>}
          <button type="button" onClick={draft.loadTheirs}>Load their version</button>
          {' '}
          <button type="button" onClick={draft.keepMine}>Keep mine</button>
        </div>
      )}
    </>
  );
}
