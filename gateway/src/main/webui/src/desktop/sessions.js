// The agent's sessions, kept live from the SSE stream. A state only replaces one with a lower version.
import { signal, computed } from '@preact/signals';
import { api, token, signOut, me } from '../api.js';
import { uuid } from '../shared/uuid.js';
import { arrange, popAction } from './lifecycle.js';

export const sessions = signal({}); // interactionId -> latest SessionState (or summary until the stream sends it)
export const notices = signal([]); // [{key, interactionId, id, message, level}]
export const streamStatus = signal('connecting');

export const arrivals = signal({}); // interactionId -> when it was first seen (ms; its first state's updatedAt)
export const offers = signal([]); // interactionIds answered while another interaction was open: "Switch to" notices
export const focusRequest = signal(null); // the interactionId whose heading takes the focus once it is drawn
const popped = new Set(); // screen pops happen once per interaction and page, so closing one does not reopen it

// { active, recent }: active ones in arrival order, finished ones (the last 10) below.
export const sessionLists = computed(() => arrange(sessions.value, arrivals.value, undefined,
  me.value && me.value.id));

function keep(state) {
  if (!(state.interactionId in arrivals.value)) {
    const at = Date.parse(state.updatedAt);
    arrivals.value = { ...arrivals.value, [state.interactionId]: Number.isNaN(at) ? Date.now() : at };
  }
  sessions.value = { ...sessions.value, [state.interactionId]: state };
}

// The interaction the page shows: its id, null on the bare list, or '' elsewhere (the admin pages: busy too).
function openInteraction() {
  const route = location.hash.slice(1) || '/';
  const match = /^\/interactions\/([^/]+)/.exec(route);
  if (match) return decodeURIComponent(match[1]);
  return route === '/' ? null : '';
}

export function open(interactionId) {
  offers.value = offers.value.filter((id) => id !== interactionId);
  focusRequest.value = interactionId;
  location.hash = `#/interactions/${encodeURIComponent(interactionId)}`;
}

export function declineOffer(interactionId) {
  offers.value = offers.value.filter((id) => id !== interactionId);
}

// Screen pop on answer: the agent's connected session with a script opens by itself when nothing else is open, else
// it is offered in a notice (the agent is not pulled away from the caller they are talking to).
function screenPop(state) {
  const action = popAction(state, me.value && me.value.id, openInteraction(), sessions.value, popped);
  if (action === 'none') return;
  popped.add(state.interactionId);
  if (action === 'open') {
    open(state.interactionId);
  } else {
    offers.value = [...offers.value.filter((id) => id !== state.interactionId), state.interactionId];
  }
}

export function offer(state) {
  const held = sessions.value[state.interactionId];
  if (held && held.version > state.version) {
    return;
  }
  if (held && held.version === state.version && !held.summary) {
    return;
  }
  keep(state);
  if (state.state !== 'connected') {
    declineOffer(state.interactionId);
  }
  screenPop(state);
  const fresh = (state.alerts || []).filter(
    (a) => !notices.value.some((n) => n.interactionId === state.interactionId && n.id === a.id),
  );
  if (fresh.length) {
    notices.value = [
      ...notices.value,
      ...fresh.map((a) => ({ ...a, key: `${state.interactionId}:${a.id}`, interactionId: state.interactionId })),
    ];
  }
}

// Posts an agent command for the interaction the page shows at version `shown`. A gateway replica that has not caught
// up with that version yet answers 503: the command is sent again (the same id: it is applied once), at most 3 times.
// Throws the ApiError of a refusal.
export async function sendCommand(interactionId, shown, command) {
  const body = command.id ? command : { ...command, id: uuid() };
  for (let attempt = 1; ; attempt++) {
    try {
      return await api(`/api/v2/agent/interactions/${encodeURIComponent(interactionId)}/commands`,
        { method: 'POST', body, headers: { 'X-Rapport-Session-Version': shown == null ? undefined : String(shown) } });
    } catch (e) {
      if (e.status !== 503 || attempt === 3) throw e;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

export function dismiss(key) {
  notices.value = notices.value.filter((n) => n.key !== key);
}

export async function loadList() {
  const list = await api('/api/v2/agent/interactions');
  for (const summary of list.entities) {
    const held = sessions.value[summary.interactionId];
    if (!held || (held.summary && held.version < summary.version)) {
      keep({ ...summary, summary: true });
    } else if (held.version < summary.version) {
      // A full state we hold went stale (missed while offline): fetch the whole one, not just the summary.
      api(`/api/v2/agent/interactions/${encodeURIComponent(summary.interactionId)}/session`)
        .then(offer)
        .catch(() => {});
    }
  }
}

let source = null;

// EventSource cannot send headers, so the stream (and only the stream) takes the token as a query parameter.
// On a dropped connection the browser reconnects by itself with Last-Event-ID; if the server closed it for good
// (e.g. 401), we open a new one after a pause.
export function connect() {
  disconnect();
  const url = `/api/v2/agent/stream?access_token=${encodeURIComponent(token.value)}`;
  source = new EventSource(url);
  streamStatus.value = 'connecting';
  source.onopen = () => {
    streamStatus.value = 'live';
    // A new stream (not a browser-resumed one) starts with open sessions only: the list catches ended ones.
    loadList().catch(() => {});
  };
  source.addEventListener('session', (event) => offer(JSON.parse(event.data)));
  // The server ends the stream when the token expires: sign in again; the new token opens a new stream.
  source.addEventListener('reauthenticate', () => {
    disconnect();
    signOut('Your session has expired; sign in again.');
  });
  source.onerror = () => {
    if (source && source.readyState === EventSource.CLOSED) {
      streamStatus.value = 'offline';
      setTimeout(() => token.value && connect(), 3000);
    } else {
      streamStatus.value = 'reconnecting';
    }
  };
}

export function disconnect() {
  if (source) {
    source.close();
    source = null;
  }
}
