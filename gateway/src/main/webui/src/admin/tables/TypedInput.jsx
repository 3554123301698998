// A value typed as its column's type. Numbers are typed as text, because a number input drops letters without a word
// and leaves an empty value to save; here what was typed stays, and a problem is shown, announced and marked.
import { useId } from 'preact/hooks';
import { valueProblem } from './schema.js';

export function TypedInput({ type, value, onValue, what, inputRef, onKeyDown, placeholder, ...a11y }) {
  const id = useId();
  const problem = type === 'integer' || type === 'number' ? valueProblem(type, value, what) : null;
  const described = [a11y['aria-describedby'], problem ? `${id}-problem` : null].filter(Boolean).join(' ');
  return (
    <>
      <input ref={inputRef} {...a11y} type="text" inputMode={type === 'string' ? undefined : 'decimal'} value={value}
        placeholder={placeholder} aria-invalid={problem ? 'true' : undefined} aria-describedby={described || undefined}
        onInput={(e) => onValue(e.currentTarget.value)} onKeyDown={onKeyDown} />
      {problem && <span id={`${id}-problem`} class="error field-problem" role="alert">{problem}</span>}
    </>
  );
}

/** A labelled TypedInput (a label around it would read its error as part of its name). */
export function TypedField({ label, ...props }) {
  const id = useId();
  return (
    <div class="field">
      <label class="label" for={id}>{label}</label>
      <TypedInput id={id} {...props} />
    </div>
  );
}
