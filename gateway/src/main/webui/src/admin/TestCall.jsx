import { useState } from 'preact/hooks';
import { api, hasRole } from '../api.js';
import { uuid } from '../shared/uuid.js';

function parseAttributes(text) {
  const attributes = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw new Error(`Attribute "${trimmed}" is not name=value`);
    attributes[trimmed.slice(0, eq).trim()] = trimmed.slice(eq + 1).trim();
  }
  return attributes;
}

// Places a test call as the IVR would (same events as `./rapport call`): started, queued (if a queue), connected.
export function TestCall() {
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  if (!hasRole('admin')) {
    return <main class="admin"><p class="error" role="alert">Placing a test call needs the admin role.</p></main>;
  }
  const submit = async (e) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const interactionId = uuid();
    const post = (type, extra) => api('/api/v2/interactions/events',
      { method: 'POST', body: { id: uuid(), type, interactionId, ...extra } });
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const attributes = parseAttributes(String(f.get('attributes') || ''));
      const started = { ani: String(f.get('ani')), attributes };
      if (f.get('dnis')) started.dnis = String(f.get('dnis'));
      await post('started', started);
      const queue = String(f.get('queue') || '').trim();
      if (queue) await post('queued', { queue: { id: queue, name: queue } });
      const agent = String(f.get('agent')).trim();
      await post('connected', { agent: { id: agent, name: String(f.get('agentName') || '').trim() || agent } });
      setResult(interactionId);
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="admin">
      <form onSubmit={submit} aria-labelledby="admin-title">
        <h2 id="admin-title">Place a test call</h2>
        <label class="field"><span class="label">ANI (caller)</span>
          <input name="ani" required defaultValue="7204276664" /></label>
        <label class="field"><span class="label">DNIS (number called)</span><input name="dnis" /></label>
        <label class="field"><span class="label">Queue</span><input name="queue" /></label>
        <label class="field"><span class="label">Agent (user name)</span>
          <input name="agent" required defaultValue="alex" /></label>
        <label class="field"><span class="label">Agent display name</span><input name="agentName" /></label>
        <label class="field"><span class="label">IVR attributes, one name=value a line</span>
          <textarea name="attributes" rows={4} /></label>
        <button type="submit" disabled={busy}>Place call</button>
        {error && <p class="error" role="alert">{error}</p>}
        {result && (
          <p class="notice success" role="status">
            Call placed: <a href={`#/interactions/${encodeURIComponent(result)}`} data-interaction={result}>{result}</a>
          </p>
        )}
      </form>
    </main>
  );
}
