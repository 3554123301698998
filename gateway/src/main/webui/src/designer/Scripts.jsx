import { hasRole } from '../api.js';

// Scripts (placeholder: replaced by its own module).
export function ScriptsAdmin({ path }) {
  return <main class="admin"><h2>Scripts</h2><p class="muted">Coming soon.</p></main>;
}
