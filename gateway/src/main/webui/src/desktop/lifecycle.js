// What the desktop decides from session states alone, kept free of the DOM and the stream so node --test covers it:
// the order of the list, and when a session pops on its own.

export const RECENT_LIMIT = 10;

// The agent owes a wrap-up of this interaction: it left them, and the script or the queue requires one.
export function owesWrapup(state, userId) {
  const w = state && state.wrapup;
  return !!w && w.status === 'pending' && !!userId && w.agentId === userId;
}

// Done for this viewer: ended, or gone from them (transferred away), with no wrap-up of theirs still to do.
export function finished(state, userId) {
  if (owesWrapup(state, userId)) return false;
  if (state.state === 'ended') return true;
  const leftMe = !!userId && !!state.wrapup && state.wrapup.agentId === userId;
  return leftMe && !(state.agent && state.agent.id === userId);
}

// Active interactions in the order they arrived (arrivals: interactionId -> when its first state was seen), so a row
// never moves under the agent's pointer when another one is updated; finished ones (ended, or transferred away, and
// wrapped up when a wrap-up is required) in a short "Recent" list, the last to finish first.
export function arrange(sessions, arrivals, limit = RECENT_LIMIT, userId = null) {
  const all = Object.values(sessions);
  const arrival = (s) => arrivals[s.interactionId] ?? Number.MAX_SAFE_INTEGER;
  const active = all.filter((s) => !finished(s, userId))
    .sort((a, b) => arrival(a) - arrival(b) || a.interactionId.localeCompare(b.interactionId));
  const recent = all
    .filter((s) => finished(s, userId))
    .sort((a, b) => String(b.updatedAt || '').localeCompare(String(a.updatedAt || '')) || arrival(b) - arrival(a))
    .slice(0, limit);
  return { active, recent };
}

// A session pops when it is connected to this agent and has a script to show.
export function answeredBy(state, userId) {
  return !!state && !state.summary && state.state === 'connected' && !!state.script && !!userId
    && !!state.agent && state.agent.id === userId;
}

// What to do with a session that answers the pop test: open it when the agent has nothing open (no interaction, or
// the open one has ended), otherwise offer it in a notice. 'none' when it does not pop or already popped once.
export function popAction(state, userId, openId, sessions, popped) {
  if (!answeredBy(state, userId) || popped.has(state.interactionId) || openId === state.interactionId) {
    return 'none';
  }
  const open = openId ? sessions[openId] : null;
  const busy = !!openId && (!open || !finished(open, userId));
  return busy ? 'offer' : 'open';
}
