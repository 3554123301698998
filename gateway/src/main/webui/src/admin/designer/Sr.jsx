// Text for screen readers only. Buttons are named this way rather than by aria-label, so that a name never
// also reads as the label of a field (Playwright's getByLabel matches aria-label too).
export function Sr({ children }) {
  return <span class="d-sr">{children}</span>;
}
