import { hasRole } from '../../api.js';

// Inbound flows (placeholder: replaced by its own module).
export function FlowsAdmin({ path }) {
  return <main class="admin"><h2>Inbound flows</h2><p class="muted">Coming soon.</p></main>;
}
