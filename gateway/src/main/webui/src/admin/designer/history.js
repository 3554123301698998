// The undo history of the designer's script: each update is one step over a deep copy that keeps the identity of
// whatever it did not change.

export function deepCopy(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** A history of script states; each update is one step, except quick updates with the same key (typing). */
export function startHistory(script) {
  return { present: script, past: [], future: [], lastKey: null, lastAt: 0 };
}

export const HISTORY_LIMIT = 200;
const COALESCE_MS = 1000;

/**
 * next, with every part equal to the same part of prev replaced by prev's object (array items matched by id or
 * name): an unchanged component keeps its identity, so the canvas redraws only what an update changed.
 */
export function share(prev, next) {
  if (prev === next || prev === null || next === null || typeof prev !== 'object' || typeof next !== 'object'
    || Array.isArray(prev) !== Array.isArray(next)) {
    return prev === next || (prev !== prev && next !== next) ? prev : next;
  }
  let same = true;
  if (Array.isArray(next)) {
    const keyOf = (x) => (x && typeof x === 'object' ? x.id ?? x.name : undefined);
    const byKey = new Map(prev.filter((x) => keyOf(x) !== undefined).map((x) => [keyOf(x), x]));
    if (prev.length !== next.length) same = false;
    for (let i = 0; i < next.length; i += 1) {
      const k = keyOf(next[i]);
      const before = k !== undefined && byKey.has(k) ? byKey.get(k) : prev[i];
      next[i] = share(before, next[i]);
      if (next[i] !== prev[i]) same = false;
    }
  } else {
    const keys = Object.keys(next);
    if (keys.length !== Object.keys(prev).length) same = false;
    for (const k of keys) {
      next[k] = share(prev[k], next[k]);
      if (next[k] !== prev[k]) same = false;
    }
  }
  return same ? prev : next;
}

/**
 * Applies fn to a deep copy of the present state; returns the new history (the old one is unchanged). An update
 * that returns false, or changes nothing, is no step at all.
 */
export function applyUpdate(history, fn, key = null, now = Date.now()) {
  const copy = deepCopy(history.present);
  const result = fn(copy);
  if (result === false) return history;
  const next = share(history.present, copy);
  if (next === history.present) return history;
  const coalesce = key != null && key === history.lastKey && now - history.lastAt < COALESCE_MS;
  const past = coalesce ? history.past : [...history.past, history.present].slice(-HISTORY_LIMIT);
  return { present: next, past, future: [], lastKey: key, lastAt: now };
}

export function undo(history) {
  if (!history.past.length) return history;
  const previous = history.past[history.past.length - 1];
  return { present: previous, past: history.past.slice(0, -1), future: [history.present, ...history.future], lastKey: null, lastAt: 0 };
}

export function redo(history) {
  if (!history.future.length) return history;
  const [next, ...rest] = history.future;
  return { present: next, past: [...history.past, history.present], future: rest, lastKey: null, lastAt: 0 };
}
