import { hasRole } from '../../api.js';

// Data tables (placeholder: replaced by its own module).
export function DataTablesAdmin({ path }) {
  return <main class="admin"><h2>Data tables</h2><p class="muted">Coming soon.</p></main>;
}
