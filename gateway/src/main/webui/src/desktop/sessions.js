// The agent's sessions, kept live from the SSE stream. A state only replaces one with a lower version.
import { signal, computed } from '@preact/signals';
import { api, token, signOut } from '../api.js';

export const sessions = signal({}); // interactionId -> latest SessionState (or summary until the stream sends it)
export const notices = signal([]); // [{key, interactionId, id, message, level}]
export const streamStatus = signal('connecting');

export const sessionList = computed(() =>
  Object.values(sessions.value).sort((a, b) => String(b.updatedAt || '').localeCompare(String(a.updatedAt || ''))),
);

export function offer(state) {
  const held = sessions.value[state.interactionId];
  if (held && held.version > state.version) {
    return;
  }
  if (held && held.version === state.version && !held.summary) {
    return;
  }
  sessions.value = { ...sessions.value, [state.interactionId]: state };
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

export function dismiss(key) {
  notices.value = notices.value.filter((n) => n.key !== key);
}

export async function loadList() {
  const list = await api('/api/v2/agent/interactions');
  for (const summary of list.entities) {
    const held = sessions.value[summary.interactionId];
    if (!held || (held.summary && held.version < summary.version)) {
      sessions.value = { ...sessions.value, [summary.interactionId]: { ...summary, summary: true } };
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
