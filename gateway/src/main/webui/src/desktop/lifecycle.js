// What the desktop decides from session states alone, kept free of the DOM and the stream so node --test covers it:
// the order of the list, and when a session pops on its own.

export const RECENT_LIMIT = 10;

// Active interactions in the order they arrived (arrivals: interactionId -> when its first state was seen), so a row never moves under the agent's pointer
// when another one is updated; ended ones in a short "Recent" list, the last to end first.
export function arrange(sessions, arrivals, limit = RECENT_LIMIT) {
  const all = Object.values(sessions);
  const arrival = (s) => arrivals[s.interactionId] ?? Number.MAX_SAFE_INTEGER;
  const active = all.filter((s) => s.state !== 'ended')
    .sort((a, b) => arrival(a) - arrival(b) || a.interactionId.localeCompare(b.interactionId));
  const recent = all
    .filter((s) => s.state === 'ended')
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
  const busy = !!openId && (!open || open.state !== 'ended');
  return busy ? 'offer' : 'open';
}
