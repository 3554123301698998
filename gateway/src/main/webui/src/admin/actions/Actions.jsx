import { hasRole } from '../../api.js';

// Data actions (placeholder: replaced by its own module).
export function ActionsAdmin({ path }) {
  return <main class="admin"><h2>Data actions</h2><p class="muted">Coming soon.</p></main>;
}
