// The agent's routing status (Genesys's routingstatus): Available (IDLE) gets interactions offered by built-in routing;
// Off queue gets none. INTERACTING and NOT_RESPONDING are set by routing; choosing Available again after not answering
// makes the agent available again.
import { useEffect, useState } from 'preact/hooks';
import { api, me } from '../api.js';

const LABELS = {
  IDLE: 'Available', OFF_QUEUE: 'Off queue', INTERACTING: 'Interacting', NOT_RESPONDING: 'Not responding',
};

export function RoutingStatus() {
  const [status, setStatus] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const userId = me.value && me.value.id;
  const path = `/api/v2/users/${encodeURIComponent(userId || '')}/routingstatus`;

  const load = () => api(path).then((s) => setStatus(s && LABELS[s.status] ? s.status : null)).catch((e) => {
    // a user the directory does not know (yet): routing is not for them; nothing to choose
    setError(e.status === 404 ? null : `Your status could not be read: ${e.message}`);
  });
  useEffect(() => {
    if (!userId) return undefined;
    load();
    const timer = setInterval(load, 10000); // routing changes it too (interacting, not responding)
    return () => clearInterval(timer);
  }, [userId]);

  if (!userId || status === null) {
    return error ? <p class="error" role="alert">{error}</p> : null;
  }
  const choose = async (e) => {
    const wanted = e.currentTarget.value;
    setBusy(true);
    setError(null);
    try {
      const s = await api(path, { method: 'PUT', body: { status: wanted } });
      setStatus(s.status);
    } catch (err) {
      setError(`Your status was not changed: ${err.message}`);
    } finally {
      setBusy(false);
    }
  };
  const settable = status === 'IDLE' || status === 'OFF_QUEUE';
  return (
    <div class="routing-status">
      <label class="field">
        <span class="label">Routing status</span>
        <select value={settable ? status : ''} onChange={choose} disabled={busy} data-routing-status={status}>
          {!settable && <option value="" disabled>{LABELS[status] || status}</option>}
          <option value="IDLE">Available</option>
          <option value="OFF_QUEUE">Off queue</option>
        </select>
      </label>
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  );
}
