// Preview beside the canvas: the saved draft (or a published version) run as an agent would see it, with typed
// inputs or those of a recent real interaction. Buttons run their custom actions for real: data actions are
// executed by action-service, but no interaction, agent, participant data or flow is involved. The server keeps
// nothing: each answer carries the session's state, which the next command sends back.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../../api.js';
import { ScriptPage } from '../../../desktop/Script.jsx';
import { runOutcome } from '../../../shared/runOutcome.js';
import './panels.css';

function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

function show(value) {
  if (value == null) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

export function PreviewPanel({ scriptId, script, saved }) {
  const base = `/api/v2/scripts/${encodeURIComponent(scriptId)}`;
  const inputVariables = (script?.variables || []).filter((v) => v.input);
  const [versions, setVersions] = useState([]);
  const [version, setVersion] = useState('draft');
  const [interactions, setInteractions] = useState(null);
  const [interactionsError, setInteractionsError] = useState(null);
  const [source, setSource] = useState('typed');
  const [typed, setTyped] = useState({});
  const [agentName, setAgentName] = useState('');
  const [session, setSession] = useState(null);
  const [alerts, setAlerts] = useState([]);
  const [runs, setRuns] = useState([]);
  const [pendingClick, setPendingClick] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(null);
  const queue = useRef(Promise.resolve());

  useEffect(() => {
    let live = true;
    api(`${base}/versions`).then((v) => live && setVersions(v)).catch(() => {});
    api(`${base}/interactions?limit=20`)
      .then((r) => live && setInteractions(r.entities || []))
      .catch((e) => live && setInteractionsError(e.message));
    return () => { live = false; };
  }, [scriptId]);

  const versionParam = version === 'draft' ? undefined : Number(version);

  const accept = (state, clear) => {
    latest.current = state;
    setSession(state);
    setAlerts((old) => [...(clear ? [] : old), ...(state.alerts || []).map((text) => ({ text, at: Date.now() }))].slice(-20));
    setRuns((old) => [...(state.runs || []).slice().reverse(), ...(clear ? [] : old)].slice(0, 20));
  };

  const start = async (e) => {
    if (e) e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const inputs = {};
      if (source === 'typed') {
        for (const v of inputVariables) {
          if (typed[v.name] !== undefined && typed[v.name] !== '') inputs[v.name] = typed[v.name];
        }
      }
      const builtins = agentName ? { 'Agent Name': agentName } : undefined;
      const state = await api(`${base}/preview/session`, {
        method: 'POST',
        body: { version: versionParam, inputs, interactionId: source === 'typed' ? undefined : source, builtins },
      });
      accept(state, true);
    } catch (err) {
      setError(`Could not start the preview: ${err.message}`);
    } finally {
      setBusy(false);
    }
  };

  // Commands run one after another, each on the state the previous one returned.
  const send = (command) => {
    queue.current = queue.current.then(async () => {
      if (!latest.current) return;
      setError(null);
      if (command.type === 'click') setPendingClick(command.component);
      try {
        const state = await api(`${base}/preview/session/commands`,
          { method: 'POST', body: { version: versionParam, state: latest.current.state, command } });
        accept(state, false);
      } catch (err) {
        setError(err.status === 409 ? `${err.message}` : `Not done: ${err.message}`);
      } finally {
        setPendingClick(null);
      }
    });
    return queue.current;
  };

  const actions = [...runs.map((r) => ({ ...r, component: r.component })),
    ...(pendingClick ? [{ component: pendingClick, status: 'running' }] : [])];
  const page = session && session.page;

  return (
    <section class="panel preview" aria-labelledby="preview-title">
      <h3 id="preview-title">Preview</h3>
      {saved === false && version === 'draft' && (
        <p class="notice warning" role="status">The preview runs the saved draft: save your changes, then restart the preview.</p>
      )}
      <form class="preview-setup" onSubmit={start}>
        <div class="row">
          <label class="field">
            <span class="label">Preview script version</span>
            <select value={version} onChange={(e) => setVersion(e.currentTarget.value)}>
              <option value="draft">Draft (saved)</option>
              {versions.map((v) => (
                <option key={v.version} value={String(v.version)}>Version {v.version}{v.current ? ' (current)' : ''}</option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="label">Preview inputs from</span>
            <select value={source} onChange={(e) => setSource(e.currentTarget.value)}>
              <option value="typed">Typed values</option>
              {(interactions || []).map((i) => (
                <option key={i.id} value={i.id}>
                  Interaction from {i.ani || 'unknown'} at {when(i.startedAt)}{i.scriptVersion ? ` (v${i.scriptVersion})` : ''}
                </option>
              ))}
            </select>
          </label>
        </div>
        {interactionsError && <p class="muted">Recent interactions could not be loaded: {interactionsError}</p>}
        {interactions && interactions.length === 0 && <p class="muted">No interaction has used this script yet.</p>}
        {source === 'typed' ? (
          <fieldset class="mapping" aria-label="Preview input values">
            <legend>Input values</legend>
            {inputVariables.length === 0 && <p class="muted">The script has no input variables.</p>}
            {inputVariables.map((v) => (
              <label key={v.name} class="field">
                <span class="label">Preview input {v.name}</span>
                <input type={v.type === 'number' ? 'number' : 'text'} value={typed[v.name] ?? ''}
                  onInput={(e) => {
                    const value = e.currentTarget.value;
                    setTyped((t) => ({ ...t, [v.name]: value }));
                  }} />
              </label>
            ))}
          </fieldset>
        ) : (
          <InteractionInputs interaction={(interactions || []).find((i) => i.id === source)} />
        )}
        <label class="field">
          <span class="label">Preview agent name</span>
          <input type="text" value={agentName} placeholder="your user name" onInput={(e) => setAgentName(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy}>{session ? 'Restart preview' : 'Start preview'}</button>
        {busy && <span role="status"> Starting…</span>}
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {session && (
        <div class="preview-run">
          <div class="row">
            <label class="field">
              <span class="label">Preview page</span>
              <select value={session.currentPageId} onChange={(e) => send({ type: 'changePage', page: e.currentTarget.value })}>
                {(session.pages || []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </label>
          </div>
          <div class="preview-frame" aria-label="Preview of the agent's page" role="region">
            <ScriptPage page={page} actions={actions} onCommand={send} />
          </div>
          <div role="log" aria-label="Preview alerts" aria-live="polite">
            {alerts.map((a, i) => <p key={`${a.at}-${i}`} class="notice">{a.text}</p>)}
          </div>
          {Object.keys(session.errors || {}).length > 0 && (
            <ul class="error" aria-label="Dynamic variable errors">
              {Object.entries(session.errors).map(([name, message]) => <li key={name}>{name}: {message}</li>)}
            </ul>
          )}
          <h4>Custom action runs</h4>
          {runs.length === 0 ? <p class="muted">No custom action has run yet.</p> : (
            <ul class="preview-log" aria-label="Custom action runs">
              {runs.map((r, i) => (
                <li key={`${r.runId}-${i}`} class={runOutcome(r)}>
                  <strong>{r.action}</strong>: {runOutcome(r)}{r.error ? ` (${r.error})` : ''}
                  {(r.dataActions || []).map((d, j) => (
                    <div key={j}>
                      Data action {d.dataActionId}: {d.success ? 'succeeded' : `failed: ${d.error}`} in {d.durationMs} ms
                      {d.success && Object.keys(d.outputs || {}).length > 0 && ` → ${Object.entries(d.outputs).map(([k, v]) => `${k} = ${show(v)}`).join(', ')}`}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )}
          <details>
            <summary>Variable values</summary>
            <table>
              <tbody>
                {Object.entries(session.values || {}).map(([name, value]) => (
                  <tr key={name}><th scope="row">{name}</th><td>{show(value)}</td></tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      )}
    </section>
  );
}

function InteractionInputs({ interaction }) {
  if (!interaction) return null;
  const entries = Object.entries(interaction.inputs || {});
  return (
    <div class="muted">
      <p>Inputs of interaction {interaction.id} ({interaction.state}):</p>
      {entries.length === 0 ? <p>none recorded</p> : (
        <ul aria-label="Inputs of the chosen interaction">
          {entries.map(([k, v]) => <li key={k}>{k} = {show(v)}</li>)}
        </ul>
      )}
    </div>
  );
}
