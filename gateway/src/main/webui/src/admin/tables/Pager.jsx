import { useEffect, useState } from 'preact/hooks';

/** First / previous / page n of m / next / last, for any Genesys listing (pageNumber from 1, pageCount). */
export function Pager({ label, pageNumber, pageCount, total, onPage, disabled }) {
  const last = Math.max(1, pageCount || 1);
  const [typed, setTyped] = useState(String(pageNumber));
  useEffect(() => setTyped(String(pageNumber)), [pageNumber]);
  const go = (e) => {
    e.preventDefault();
    const n = Math.trunc(Number(typed));
    if (n >= 1 && n <= last) onPage(n);
    else setTyped(String(pageNumber));
  };
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" class="link" disabled={disabled || pageNumber <= 1} onClick={() => onPage(1)}>First</button>
      <button type="button" class="link" disabled={disabled || pageNumber <= 1} onClick={() => onPage(pageNumber - 1)}>
        Previous
      </button>
      <form class="inline" onSubmit={go}>
        <label>
          <span>Page</span>
          <input type="number" min="1" max={last} value={typed} size={6} disabled={disabled}
            onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        <span class="muted">of {last.toLocaleString()}</span>
      </form>
      <button type="button" class="link" disabled={disabled || pageNumber >= last} onClick={() => onPage(pageNumber + 1)}>
        Next
      </button>
      <button type="button" class="link" disabled={disabled || pageNumber >= last} onClick={() => onPage(last)}>Last</button>
      <span class="muted">{(total ?? 0).toLocaleString()} in all</span>
    </nav>
  );
}
