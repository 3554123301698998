// A row of tabs (role tablist): arrows move between them, the chosen one controls the panel `${id}-panel`.
export function Tabs({ id, tabs, current, onChange, labels = {} }) {
  const keyDown = (e) => {
    const i = tabs.indexOf(current);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : null;
    if (next) {
      e.preventDefault();
      onChange(next);
      requestAnimationFrame(() => document.getElementById(`${id}-tab-${tabs.indexOf(next)}`)?.focus());
    }
  };
  return (
    <div class="d-tabs" role="tablist" onKeyDown={keyDown}>
      {tabs.map((t, i) => (
        <button key={t} type="button" role="tab" id={`${id}-tab-${i}`} aria-selected={t === current ? 'true' : 'false'}
          aria-controls={`${id}-panel`} tabIndex={t === current ? 0 : -1} onClick={() => onChange(t)}>
          {labels[t] || t}
        </button>
      ))}
    </div>
  );
}
