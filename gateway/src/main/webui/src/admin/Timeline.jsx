import { useEffect, useState } from 'preact/hooks';
import { api, hasRole } from '../api.js';
import './timeline.css';

// What each kind of entry is about, by the prefix script-service gives it (see its Timeline).
const CATEGORIES = [
  ['interaction.', 'Call'],
  ['flow.', 'Inbound flow'],
  ['ivr.', 'IVR'],
  ['script.', 'Script'],
  ['command.', 'Agent'],
  ['run.', 'Script action'],
  ['action.', 'Data action'],
  ['variables.', 'Variables'],
  ['row.', 'Data table'],
];
const TROUBLE = /(refused|lost|timeout|failed|failure|error)/i;
const MAX_DETAILS = 200;

function categoryOf(kind) {
  const found = CATEGORIES.find(([prefix]) => kind.startsWith(prefix));
  return found ? found[1] : 'Other';
}

/** A JSON detail as "path: value" lines, readable without knowing JSON. */
function flatten(value, path = '', out = []) {
  if (out.length >= MAX_DETAILS) return out;
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [`${path}[${i + 1}]`, v])
      : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v]);
    if (entries.length === 0) out.push([path || '(value)', Array.isArray(value) ? '(none)' : '(empty)']);
    entries.forEach(([p, v]) => flatten(v, p, out));
  } else {
    out.push([path || '(value)', value === null ? '(none)' : String(value)]);
  }
  return out;
}

function clock(iso) {
  const d = new Date(iso);
  return `${d.toLocaleTimeString([], { hour12: false })}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

function seconds(fromIso, toIso) {
  const s = (new Date(toIso) - new Date(fromIso)) / 1000;
  return `+${s.toFixed(s < 10 ? 2 : 1)} s`;
}

/** A supervisor's view of one interaction: everything that happened to it, in order, with a refresh. */
export function TimelineView({ path }) {
  if (!hasRole('admin') && !hasRole('supervisor')) {
    return <main class="admin"><p class="error" role="alert">The timeline needs the admin or supervisor role.</p></main>;
  }
  const interactionId = decodeURIComponent((path || '').split('/')[0]);
  return (
    <main class="admin timeline-view">
      <h2>Interaction timeline</h2>
      <Picker current={interactionId} />
      {interactionId && <Entries key={interactionId} interactionId={interactionId} />}
    </main>
  );
}

function open(id) {
  location.hash = `#/admin/timeline/${encodeURIComponent(id)}`;
}

function Picker({ current }) {
  const [typed, setTyped] = useState(current);
  const [recent, setRecent] = useState(null);
  useEffect(() => setTyped(current), [current]);
  useEffect(() => {
    // The list of recent interactions is newer than the timeline: without it, the id field alone does the job.
    api('/api/v2/interactions?limit=20')
      .then((answer) => {
        const list = Array.isArray(answer) ? answer : answer && answer.entities;
        setRecent(Array.isArray(list) ? list : null);
      })
      .catch(() => setRecent(null));
  }, []);
  const submit = (e) => {
    e.preventDefault();
    if (typed.trim()) open(typed.trim());
  };
  return (
    <div class="timeline-picker">
      <form class="inline" onSubmit={submit} aria-label="Open an interaction">
        <label class="field">
          <span class="label">Interaction id</span>
          <input value={typed} onInput={(e) => setTyped(e.currentTarget.value)} size={40} spellcheck={false} />
        </label>
        <button type="submit">Show timeline</button>
      </form>
      {recent && recent.length > 0 && (
        <nav aria-label="Recent interactions" class="recent">
          <h3>Recent interactions</h3>
          <ul>
            {recent.map((i) => (
              <li key={i.id}>
                <a href={`#/admin/timeline/${encodeURIComponent(i.id)}`} aria-current={i.id === current ? 'true' : undefined}>
                  <span class="ani">{i.ani || 'unknown caller'}</span>
                  {i.startedAt && <time dateTime={i.startedAt}>{new Date(i.startedAt).toLocaleString()}</time>}
                  {i.state && <span class="badge">{i.state}</span>}
                  <span class="muted id">{i.id}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}

function Entries({ interactionId }) {
  const [entries, setEntries] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(false);
  const [loadedAt, setLoadedAt] = useState(null);
  const [auto, setAuto] = useState(false);

  const load = () => {
    setLoading(true);
    return api(`/api/v2/interactions/${encodeURIComponent(interactionId)}/timeline`)
      .then((answer) => {
        setEntries(answer.entities || []);
        setError(null);
        setLoadedAt(new Date());
      })
      .catch((e) => setError(e.status === 404 ? `No interaction has the id ${interactionId}.` : e.message))
      .finally(() => setLoading(false));
  };
  useEffect(() => { load(); }, [interactionId]);
  useEffect(() => {
    if (!auto) return undefined;
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, [auto, interactionId]);

  const first = entries && entries.length ? entries[0].at : null;
  return (
    <section class="timeline" aria-labelledby="timeline-title">
      <div class="timeline-head">
        <h3 id="timeline-title">Timeline of {interactionId}</h3>
        <button type="button" onClick={load} disabled={loading}>Refresh</button>
        <label class="checkbox">
          <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.currentTarget.checked)} />
          <span>Refresh every 5 seconds</span>
        </label>
      </div>
      <p class="muted" role="status">
        {loading ? 'Loading…' : entries ? `${entries.length} event(s)${first ? ` since ${new Date(first).toLocaleString()}` : ''}`
          + `, as of ${loadedAt.toLocaleTimeString()}` : ''}
      </p>
      {error && <p class="error" role="alert">{error}</p>}
      {entries && entries.length === 0 && <p>Nothing has happened to this interaction yet.</p>}
      {entries && entries.length > 0 && (
        <ol class="timeline-list" aria-label="Timeline">
          {entries.map((e) => {
            const details = e.detail == null ? [] : flatten(e.detail);
            return (
              <li key={e.id} class={TROUBLE.test(e.kind) ? 'trouble' : undefined}>
                <div class="when">
                  <time dateTime={e.at} title={new Date(e.at).toLocaleString()}>{clock(e.at)}</time>
                  <span class="muted">{seconds(first, e.at)}</span>
                </div>
                <div class="what">
                  <span class="category">{categoryOf(e.kind)}</span> <code class="kind">{e.kind}</code>
                  <p class="summary">{e.summary}</p>
                  {details.length > 0 && (
                    <details>
                      <summary>Details</summary>
                      <dl>
                        {details.map(([k, v], i) => (
                          <div key={i}><dt>{k}</dt><dd>{v}</dd></div>
                        ))}
                      </dl>
                      {details.length >= MAX_DETAILS && <p class="muted">(first {MAX_DETAILS} values)</p>}
                    </details>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
