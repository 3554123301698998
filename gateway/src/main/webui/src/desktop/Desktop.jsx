import { useEffect, useState } from 'preact/hooks';
import { api, hasRole } from '../api.js';
import { sessions, sessionList, notices, dismiss, loadList, offer, streamStatus } from './sessions.js';
import { ScriptPage } from './Script.jsx';

function when(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '';
}

function InteractionList({ selected }) {
  const list = sessionList.value;
  return (
    <nav class="interactions" aria-label="Interactions">
      <h2>Interactions <span class={`status ${streamStatus.value}`}>{streamStatus.value}</span></h2>
      {list.length === 0 && <p class="muted">No interactions yet.</p>}
      <ul>
        {list.map((s) => (
          <li key={s.interactionId}>
            <a href={`#/interactions/${encodeURIComponent(s.interactionId)}`} class={`item ${s.state}`}
              aria-current={s.interactionId === selected ? 'true' : undefined} data-interaction={s.interactionId}>
              <span class="ani">{s.ani || 'unknown caller'}</span>
              <span class={`badge ${s.state}`}>{s.state}</span>
              <span class="meta">{s.script ? s.script.name : ''} {when(s.updatedAt)}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Notices({ interactionId }) {
  const mine = notices.value.filter((n) => n.interactionId === interactionId);
  return (
    <div class="notices" role="status" aria-live="polite">
      {mine.map((n) => (
        <div key={n.key} class={`notice ${n.level || 'info'}`}>
          <span>{n.message}</span>
          <button type="button" class="link" aria-label={`Dismiss ${n.message}`} onClick={() => dismiss(n.key)}>×</button>
        </div>
      ))}
    </div>
  );
}

function Interaction({ interactionId }) {
  const [error, setError] = useState(null);
  const [commandError, setCommandError] = useState(null);
  const held = sessions.value[interactionId];

  // The stream only carries what this user may see; anything else is fetched, so a 403 or 404 is shown.
  useEffect(() => {
    setError(null);
    setCommandError(null);
    if (!held || held.summary) {
      api(`/api/v2/agent/interactions/${encodeURIComponent(interactionId)}/session`)
        .then(offer)
        .catch((e) => setError(e));
    }
  }, [interactionId]);

  const send = async (command) => {
    setCommandError(null);
    try {
      // The version this page shows: a gateway replica that has not caught up with it yet waits for it.
      const shown = held && !held.summary ? String(held.version) : undefined;
      await api(`/api/v2/agent/interactions/${encodeURIComponent(interactionId)}/commands`,
        { method: 'POST', body: command, headers: { 'X-Rapport-Session-Version': shown } });
    } catch (e) {
      setCommandError(e.message);
    }
  };

  if (error) {
    const text = error.status === 403 ? 'This interaction is not assigned to you (403).'
      : error.status === 404 ? 'No such interaction (404).' : `Could not open the interaction: ${error.message}`;
    return <section class="detail"><p class="error" role="alert">{text}</p></section>;
  }
  if (!held || held.summary) {
    return <section class="detail"><p class="muted" aria-busy="true">Loading…</p></section>;
  }
  const attributes = Object.entries(held.attributes || {});
  return (
    <section class="detail" aria-labelledby="detail-title">
      <header class="detail-head">
        <h2 id="detail-title">{held.ani || 'Unknown caller'} <span class={`badge ${held.state}`}>{held.state}</span></h2>
        <p class="meta">
          {held.dnis ? `Called ${held.dnis}. ` : ''}{held.queue ? `Queue ${held.queue.name || held.queue.id}. ` : ''}
          {held.agent ? `Agent ${held.agent.name || held.agent.id}. ` : ''}
          {held.script ? `Script ${held.script.name} v${held.script.version}.` : ''}
        </p>
        {attributes.length > 0 && (
          <dl class="attributes">
            {attributes.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
          </dl>
        )}
      </header>
      <Notices interactionId={interactionId} />
      {commandError && <p class="error" role="alert">{commandError}</p>}
      {held.page && held.page.invalid && <p class="warning">Some fields need attention.</p>}
      <ScriptPage page={held.page} actions={held.actions} onCommand={send} />
    </section>
  );
}

export function Desktop({ selected }) {
  useEffect(() => {
    if (hasRole('agent') || hasRole('supervisor')) {
      loadList().catch(() => {});
    }
  }, []);
  if (!hasRole('agent') && !hasRole('supervisor')) {
    return <main class="desktop"><p class="muted">This account has no agent role.</p></main>;
  }
  return (
    <main class="desktop">
      <InteractionList selected={selected} />
      {selected ? <Interaction key={selected} interactionId={selected} />
        : <section class="detail"><p class="muted">Choose an interaction.</p></section>}
    </main>
  );
}
