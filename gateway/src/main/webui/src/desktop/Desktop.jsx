import { useEffect, useRef, useState } from 'preact/hooks';
import { api, hasRole, me } from '../api.js';
import {
  sessions, sessionLists, notices, dismiss, loadList, offer, streamStatus, offers, open, declineOffer, focusRequest,
  sendCommand,
} from './sessions.js';
import { owesWrapup } from './lifecycle.js';
import { LEVELS, levelOf } from './levels.js';
import { ScriptPage } from './Script.jsx';
import { WrapUpDone, WrapUpForm } from './WrapUp.jsx';
import { RoutingStatus } from './RoutingStatus.jsx';
import './desktop.css';

function when(iso) {
  return iso ? new Date(iso).toLocaleTimeString() : '';
}

function InteractionRow({ s, selected }) {
  return (
    <li>
      <a href={`#/interactions/${encodeURIComponent(s.interactionId)}`} class={`item ${s.state}`}
        aria-current={s.interactionId === selected ? 'true' : undefined} data-interaction={s.interactionId}>
        <span class="ani">{s.ani || 'unknown caller'}</span>
        <span class={`badge ${s.state}`}>{s.state}</span>
        <span class="meta">{s.script ? s.script.name : ''} {when(s.updatedAt)}</span>
      </a>
    </li>
  );
}

// Active interactions stay in the order they arrived (a row does not move while the agent aims at it); ended ones
// drop to a short Recent list below.
function InteractionList({ selected }) {
  const { active, recent } = sessionLists.value;
  return (
    <nav class="interactions" aria-label="Interactions">
      <h2>Interactions <span class={`status ${streamStatus.value}`}>{streamStatus.value}</span></h2>
      {hasRole('agent') && <RoutingStatus />}
      {active.length === 0 && <p class="muted">{recent.length ? 'No active interactions.' : 'No interactions yet.'}</p>}
      <ul class="active" aria-label="Active interactions">
        {active.map((s) => <InteractionRow key={s.interactionId} s={s} selected={selected} />)}
      </ul>
      {recent.length > 0 && (
        <>
          <h3 class="recent-title" id="recent-title">Recent</h3>
          <ul class="recent" aria-labelledby="recent-title">
            {recent.map((s) => <InteractionRow key={s.interactionId} s={s} selected={selected} />)}
          </ul>
        </>
      )}
    </nav>
  );
}

// Interactions answered while the agent works on another: offered, never opened over the caller being served. The
// region is always there so a screen reader announces what is added to it; nothing here takes the focus.
function Offers() {
  return (
    <div class="pop-offers" role="status" aria-live="polite">
      {offers.value.map((id) => {
        const s = sessions.value[id] || {};
        const who = s.ani || 'unknown caller';
        return (
          <div key={id} class="pop-offer" data-offer={id}>
            <span>New interaction connected to you: {who}{s.script ? ` (${s.script.name})` : ''}.</span>
            <button type="button" onClick={() => open(id)}>Switch to {who}</button>
            <button type="button" class="link" aria-label={`Not now: ${who}`} onClick={() => declineOffer(id)}>×</button>
          </div>
        );
      })}
    </div>
  );
}

function Notice({ n }) {
  const level = levelOf(n.level);
  const { icon, label } = LEVELS[level];
  return (
    <div class={`notice ${level}`} role={level === 'error' ? 'alert' : undefined} data-level={level}>
      <span class="notice-text">
        <span class="notice-icon" aria-hidden="true">{icon}</span>
        <strong class="notice-level">{label}:</strong> {n.message}
      </span>
      <button type="button" class="link" aria-label={`Dismiss ${n.message}`} onClick={() => dismiss(n.key)}>×</button>
    </div>
  );
}

// Alerts by level: the words and the icon say the level as well as the colour; errors are alerts (announced at once),
// the others polite status messages.
function Notices({ interactionId }) {
  const mine = notices.value.filter((n) => n.interactionId === interactionId);
  const errors = mine.filter((n) => n.level === 'error');
  return (
    <>
      <div class="notices" role="status" aria-live="polite">
        {mine.filter((n) => n.level !== 'error').map((n) => <Notice key={n.key} n={n} />)}
      </div>
      {errors.length > 0 && <div class="notices">{errors.map((n) => <Notice key={n.key} n={n} />)}</div>}
    </>
  );
}

function Interaction({ interactionId }) {
  const [error, setError] = useState(null);
  const [commandError, setCommandError] = useState(null);
  const held = sessions.value[interactionId];
  const heading = useRef(null);
  const loaded = !!held && !held.summary;

  // A screen pop (or "Switch to") puts the focus on the script's heading, once it is drawn.
  useEffect(() => {
    if (loaded && focusRequest.value === interactionId && heading.current) {
      heading.current.focus();
      focusRequest.value = null;
    }
  }, [loaded, focusRequest.value]);

  // Once the wrap-up is done the form goes: the focus goes back to the interaction's heading, not the page body.
  const owed = loaded && owesWrapup(held, me.value && me.value.id);
  const wasOwed = useRef(false);
  useEffect(() => {
    if (wasOwed.current && !owed && heading.current) heading.current.focus();
    wasOwed.current = owed;
  }, [owed]);

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

  // The version this page shows goes with each command: a gateway replica behind it waits for it.
  const post = (command) => sendCommand(interactionId, held && !held.summary ? held.version : undefined, command);
  // True once the gateway took the command; a refusal is shown above the script.
  const send = async (command) => {
    setCommandError(null);
    try {
      await post(command);
      return true;
    } catch (e) {
      setCommandError(e.message);
      return false;
    }
  };

  // A web page's signed context (docs/embedded-pages.md): minted for the page this version shows.
  const contextFor = (componentId) => api(`/api/v2/agent/interactions/${encodeURIComponent(interactionId)}/pagecontext`, {
    method: 'POST', body: { componentId }, headers: { 'X-Rapport-Session-Version': held && held.version },
  });

  if (error) {
    const text = error.status === 403 ? 'This interaction is not assigned to you (403).'
      : error.status === 404 ? 'No such interaction (404).' : `Could not open the interaction: ${error.message}`;
    return <section class="detail"><Offers /><p class="error" role="alert">{text}</p></section>;
  }
  if (!held || held.summary) {
    return <section class="detail"><p class="muted" aria-busy="true">Loading…</p></section>;
  }
  const attributes = Object.entries(held.attributes || {});
  const userId = me.value && me.value.id;
  const mine = held.wrapup && held.wrapup.agentId === userId;
  return (
    <section class="detail" aria-labelledby="detail-title">
      <Offers />
      <header class="detail-head">
        <h2 id="detail-title" tabIndex={-1} ref={heading}>{held.ani || 'Unknown caller'} <span class={`badge ${held.state}`}>{held.state}</span></h2>
        <p class="meta">
          {held.dnis ? `Called ${held.dnis}. ` : ''}{held.queue ? `Queue ${held.queue.name || held.queue.id}. ` : ''}
          {held.agent ? `Agent ${held.agent.name || held.agent.id}. ` : ''}
          {held.script ? `Script ${held.script.name} v${held.script.version}.` : ''}
        </p>
        <EndButton held={held} userId={userId} onSend={send} />
        <AnswerButton held={held} userId={userId} onSend={send} />
        {attributes.length > 0 && (
          <div class="participant-data">
            <h3 id="participant-data-title">Participant data</h3>
            <p class="meta">What the caller gave before reaching you (IVR and queue).</p>
            <dl class="attributes" aria-labelledby="participant-data-title">
              {attributes.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
            </dl>
          </div>
        )}
      </header>
      {owed && <WrapUpForm key={held.interactionId} session={held} onSend={post} />}
      {mine && held.wrapup.status === 'done' && <WrapUpDone wrapup={held.wrapup} />}
      <Notices interactionId={interactionId} />
      {commandError && <p class="error" role="alert">{commandError}</p>}
      {held.page && held.page.invalid && <p class="warning">Some fields need attention.</p>}
      <ScriptPage page={held.page} actions={held.actions} onCommand={send}
        contextFor={held.agent && held.agent.id === userId && held.state !== 'ended' ? contextFor : undefined} />
    </section>
  );
}

// The agent ends their call: the telephony side is asked to disconnect it; the button waits until it has (it goes
// when the interaction leaves 'connected'). States that come meanwhile (script-service publishes one as it sends the
// disconnect) do not end the wait; a refusal does: by the gateway, or an error alert after the click.
function EndButton({ held, userId, onSend }) {
  const [ending, setEnding] = useState(null);
  useEffect(() => {
    if (ending !== null && held.version > ending && (held.alerts || []).some((a) => levelOf(a.level) === 'error')) {
      setEnding(null);
    }
  }, [held.version]);
  if (held.state !== 'connected' || !held.agent || held.agent.id !== userId) return null;
  const waiting = ending !== null;
  const end = async () => {
    if (waiting) return;
    setEnding(held.version);
    if (!(await onSend({ type: 'disconnect' }))) setEnding(null);
  };
  return (
    <button type="button" class="end-call" onClick={end} aria-disabled={waiting ? 'true' : undefined}
      aria-busy={waiting ? 'true' : 'false'} data-action="end">
      {waiting ? 'Ending…' : 'End call'}
    </button>
  );
}

// Built-in routing offers the interaction to this agent (state 'alerting'): Answer connects them; routing checks the
// offer is still theirs (it may have gone to the next agent after the queue's alert timeout).
function AnswerButton({ held, userId, onSend }) {
  const [answering, setAnswering] = useState(false);
  if (held.state !== 'alerting' || !held.agent || held.agent.id !== userId) return null;
  const answer = async () => {
    if (answering) return;
    setAnswering(true);
    if (!(await onSend({ type: 'answer' }))) setAnswering(false);
  };
  return (
    <button type="button" class="answer-call" onClick={answer} aria-disabled={answering ? 'true' : undefined}
      aria-busy={answering ? 'true' : 'false'} data-action="answer">
      {answering ? 'Answering…' : 'Answer'}
    </button>
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
        : <section class="detail"><Offers /><p class="muted">Choose an interaction.</p></section>}
    </main>
  );
}
