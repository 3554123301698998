import { cloneElement } from 'preact';
import { useId } from 'preact/hooks';

// A labelled control: <label for> and the control's id, so its accessible name is exactly the label text (a label
// wrapped around a <select> would also take in the selected option's text). Errors are announced and linked.
export function Field({ label, error, hint, children, class: extra }) {
  const id = useId();
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={extra ? `field ${extra}` : 'field'}>
      <label class="label" for={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': described })}
      {hint && <span id={`${id}-hint`} class="hint muted">{hint}</span>}
      {error && <span id={`${id}-error`} class="error" role="alert">{error}</span>}
    </div>
  );
}
