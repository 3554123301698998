import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorMessage } from '../../shared/ErrorMessage.jsx';
import { JsonView } from './JsonView.jsx';

// Published versions, newest first; each opens on demand and can be copied into the editor.
export function Versions({ actionId, latest, onCopy }) {
  const numbers = Array.from({ length: latest }, (_, i) => latest - i);
  return (
    <section aria-labelledby="versions-title" class="panel">
      <h3 id="versions-title">Versions</h3>
      <ul class="versions">
        {numbers.map((n) => <Version key={n} actionId={actionId} number={n} latest={n === latest} onCopy={onCopy} />)}
      </ul>
    </section>
  );
}

function Version({ actionId, number, latest, onCopy }) {
  const [version, setVersion] = useState(null);
  const [error, setError] = useState(null);
  const open = (e) => {
    if (e.currentTarget.open && !version) {
      api(`/api/v2/integrations/actions/${encodeURIComponent(actionId)}?version=${number}`).then(setVersion).catch(setError);
    }
  };
  return (
    <li>
      <details onToggle={open}>
        <summary>Version {number}{latest ? ' (latest, runs by default)' : ''}</summary>
        <ErrorMessage error={error} />
        {version ? (
          <>
            <button type="button" class="link" onClick={() => onCopy(version)}>Copy version {number} into the editor</button>
            <JsonView value={{ name: version.name, secure: version.secure, config: version.config, contract: version.contract }} openDepth={1} />
          </>
        ) : !error && <p class="muted">Loading…</p>}
      </details>
    </li>
  );
}

// The execution log (newest first) and the duration percentiles over the whole log.
export function ExecutionLog({ actionId, refresh }) {
  const [entries, setEntries] = useState(null);
  const [stats, setStats] = useState(null);
  const [error, setError] = useState(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const enc = encodeURIComponent(actionId);
    Promise.all([
      api(`/api/v2/integrations/actions/${enc}/executions?limit=100`),
      api(`/api/v2/integrations/actions/${enc}/executions/stats`),
    ]).then(([log, s]) => { setEntries(log); setStats(s); setError(null); }).catch(setError);
  }, [actionId, refresh, tick]);

  return (
    <section aria-labelledby="log-title" class="panel">
      <div class="actions-head">
        <h3 id="log-title">Execution log</h3>
        <button type="button" class="link" onClick={() => setTick(tick + 1)}>Refresh log</button>
      </div>
      <ErrorMessage error={error} />
      {stats && (
        <dl class="stats" aria-label="Execution statistics">
          <div><dt>Runs</dt><dd>{stats.count}</dd></div>
          <div><dt>Successes</dt><dd>{stats.successes}</dd></div>
          <div><dt>Failures</dt><dd>{stats.failures}</dd></div>
          <div><dt>Timeouts</dt><dd>{stats.timeouts}</dd></div>
          <div><dt>p50</dt><dd>{ms(stats.p50Ms)}</dd></div>
          <div><dt>p95</dt><dd>{ms(stats.p95Ms)}</dd></div>
          <div><dt>p99</dt><dd>{ms(stats.p99Ms)}</dd></div>
        </dl>
      )}
      {entries && entries.length === 0 && <p class="muted">Not run yet.</p>}
      {entries && entries.length > 0 && (
        <table class="list log">
          <thead>
            <tr><th>Time</th><th>Version</th><th>Source</th><th>Outcome</th><th>Duration</th><th>Interaction</th><th>Details</th></tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.createdAt).toLocaleString()}</td>
                <td>{e.actionVersion ?? 'draft'}</td>
                <td>{e.source}</td>
                <td><span class={`badge outcome-${e.outcome}`}>{e.outcome}</span></td>
                <td>{e.durationMs} ms</td>
                <td>{e.interactionId || '—'}</td>
                <td>
                  <details>
                    <summary>Inputs and {e.error ? 'error' : 'outputs'}</summary>
                    <JsonView value={e.inputs} label="Inputs" openDepth={0} />
                    {e.error ? <JsonView value={e.error} label="Error" /> : <JsonView value={e.outputs} label="Outputs" openDepth={0} />}
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries && entries.length === 100 && <p class="muted">The latest 100 runs; the statistics cover them all.</p>}
    </section>
  );
}

function ms(value) {
  return value == null ? '—' : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}
