// The one control that adds a step to a list: a button opening a menu of the step kinds. Arrows move in the menu,
// Enter or a click adds the step (which then takes the focus), Escape closes it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { STEP_TYPES } from './steps.js';

export function AddStepMenu({ title, onAdd }) {
  const [open, setOpen] = useState(false);
  const button = useRef(null);
  const menu = useRef(null);
  const items = () => [...(menu.current ? menu.current.querySelectorAll('[role="menuitem"]') : [])];
  useEffect(() => { if (open && items()[0]) items()[0].focus(); }, [open]);

  const close = (refocus) => {
    setOpen(false);
    if (refocus && button.current) button.current.focus();
  };
  const keys = (e) => {
    const all = items();
    const at = all.indexOf(document.activeElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      all[(to + all.length) % all.length].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      close(false);
    }
  };
  const left = (e) => {
    if (!e.currentTarget.contains(e.relatedTarget) && e.relatedTarget !== button.current) setOpen(false);
  };
  return (
    <div class="step-add">
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open ? 'true' : 'false'}
        aria-label={`Add step to ${title}`} onClick={() => setOpen(!open)}>Add step</button>
      {open && (
        <ul ref={menu} role="menu" aria-label={`Kinds of step for ${title}`} class="step-menu" onKeyDown={keys}
          onFocusOut={left}>
          {STEP_TYPES.map(([type, label]) => (
            <li role="none" key={type}>
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => { setOpen(false); onAdd(type); }}>
                {label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
