import { hasRole } from '../api.js';

// Interaction timeline (placeholder: replaced by its own module).
export function TimelineView({ path }) {
  return <main class="admin"><h2>Interaction timeline</h2><p class="muted">Coming soon.</p></main>;
}
