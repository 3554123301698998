// A text field that accepts interpolation: typing "{{" opens a searchable list of the script's variables (and the
// Scripter.* built-ins); ArrowUp/ArrowDown choose, Enter or a click inserts {{Name}}, Escape closes.
//   <VariableText label="Text" value={...} onChange={(text) => ...} variables={names} multiline />
import { useId, useMemo, useRef, useState } from 'preact/hooks';
import { BUILTIN_VARIABLES, insertReference, matchVariables, openReference } from './model.js';
import './designer.css';

export function VariableText({ label, value, onChange, variables = [], multiline = false, rows = 3, placeholder,
  id, hint, invalid, describedBy, onBlur }) {
  const ref = useRef(null);
  const [open, setOpen] = useState(null); // {start, query}
  const [active, setActive] = useState(0);
  const uid = useId();
  const listId = `vt-list-${uid}`;
  const inputId = id || `vt-input-${uid}`;
  const hintId = hint ? `vt-hint-${uid}` : null;
  const names = useMemo(() => {
    const all = [...variables, ...BUILTIN_VARIABLES];
    return [...new Set(all)];
  }, [variables]);
  const matches = open ? matchVariables(names, open.query).slice(0, 50) : [];

  const check = (el) => {
    const found = openReference(el.value, el.selectionStart ?? el.value.length);
    setOpen(found);
    setActive(0);
  };
  const pick = (name) => {
    const el = ref.current;
    const caret = el ? el.selectionStart ?? el.value.length : String(value || '').length;
    const result = insertReference(el ? el.value : String(value || ''), open.start, caret, name);
    // Set the field and its caret now (not after the re-render), so that typing on at once lands after {{Name}}.
    if (el) {
      el.value = result.text;
      el.focus();
      el.setSelectionRange(result.caret, result.caret);
    }
    onChange(result.text);
    setOpen(null);
  };
  const keyDown = (e) => {
    if (!open) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(null);
    } else if (e.key === 'ArrowDown' && matches.length) {
      e.preventDefault();
      setActive((active + 1) % matches.length);
    } else if (e.key === 'ArrowUp' && matches.length) {
      e.preventDefault();
      setActive((active - 1 + matches.length) % matches.length);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && matches.length) {
      e.preventDefault();
      pick(matches[Math.min(active, matches.length - 1)]);
    }
  };
  const common = {
    ref,
    id: inputId,
    value: value ?? '',
    placeholder,
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': open ? 'true' : 'false',
    'aria-controls': listId,
    'aria-activedescendant': open && matches.length ? `${listId}-${Math.min(active, matches.length - 1)}` : undefined,
    'aria-invalid': invalid ? 'true' : undefined,
    'aria-describedby': [hintId, describedBy].filter(Boolean).join(' ') || undefined,
    onInput: (e) => {
      onChange(e.currentTarget.value);
      check(e.currentTarget);
    },
    onKeyDown: keyDown,
    onClick: (e) => check(e.currentTarget),
    onBlur: (e) => {
      // a click on the list happens after the blur: let it land first
      setTimeout(() => setOpen(null), 150);
      if (onBlur) onBlur(e);
    },
  };
  return (
    <div class="field vt">
      <label class="label" for={inputId}>{label}</label>
      {multiline ? <textarea rows={rows} {...common} /> : <input type="text" {...common} />}
      {hint && <span class="muted vt-hint" id={hintId}>{hint}</span>}
      {open && (
        <ul class="vt-list" id={listId} role="listbox" aria-label="Insert a reference">
          {matches.length === 0 && <li class="muted" role="presentation">No variable matches “{open.query}”</li>}
          {matches.map((name, i) => (
            <li key={name} id={`${listId}-${i}`} role="option" aria-selected={i === active ? 'true' : 'false'}
              class={i === active ? 'active' : ''}
              onMouseDown={(e) => { e.preventDefault(); pick(name); }}>
              {name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
