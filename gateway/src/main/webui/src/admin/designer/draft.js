// Loads a script's draft, keeps its undo history and saves it: a debounced PUT after each edit, retried until it
// lands (the local state is never replaced by the server's), then the validation problems are fetched.
// Each save sends If-Match with the draft revision last loaded or saved; when someone else saved in between (412) the
// autosave stops and the user chooses: load their version (dropping the local edits) or keep theirs (overwrite).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, revisionTag } from '../../api.js';
import { applyUpdate, redo, startHistory, undo } from './model.js';

const SAVE_DELAY_MS = 700;
const SAVE_AT_LATEST_MS = 5000; // continuous editing still saves this often
const RETRY_MS = [2000, 4000, 8000, 15000, 30000];

// The local draft of an unresolved conflict, kept across leaving the designer (or reloading the page).
const conflictKey = (scriptId) => `rapport.designer.conflict.${scriptId}`;
function keepConflict(scriptId, draft) {
  try {
    if (draft) localStorage.setItem(conflictKey(scriptId), JSON.stringify(draft));
    else localStorage.removeItem(conflictKey(scriptId));
  } catch (err) {
    // storage full or off: the edits stay in memory and the leave warning still applies
  }
}
function keptConflict(scriptId) {
  try {
    return JSON.parse(localStorage.getItem(conflictKey(scriptId)) || 'null');
  } catch (err) {
    return null;
  }
}

export function useDraft(scriptId) {
  const [history, setHistory] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [save, setSave] = useState({ state: 'saved', error: null });
  const [problems, setProblems] = useState(null);
  // null, or { message } while the server's draft was changed by someone else and the user has not chosen yet
  const [conflict, setConflict] = useState(null);
  const conflicted = useRef(false);
  const revision = useRef(null); // the server's draftRevision that saved.current is
  const saved = useRef(null); // the draft object the server holds
  const latest = useRef(null);
  const inFlight = useRef(false);
  const timer = useRef(null);
  const attempts = useRef(0);

  const fetchProblems = useCallback(async () => {
    try {
      const validation = await api(`/api/v2/scripts/${encodeURIComponent(scriptId)}/validation`);
      setProblems(validation.problems || []);
    } catch (err) {
      setProblems((old) => old); // keep the last list; the save status tells about the server
    }
  }, [scriptId]);

  const load = useCallback(async () => {
    try {
      const script = await api(`/api/v2/scripts/${encodeURIComponent(scriptId)}`);
      clearTimeout(timer.current);
      revision.current = script.draftRevision;
      saved.current = script.draft;
      const mine = keptConflict(scriptId);
      if (mine) {
        // edits left behind in an unresolved conflict: show them again, with the same choice
        latest.current = mine;
        setHistory(startHistory(mine));
        conflicted.current = true;
        setConflict({ message: 'Your unsaved edits from before were kept: they are shown, not saved.' });
        setSave({ state: 'conflict', error: null });
      } else {
        latest.current = script.draft;
        setHistory(startHistory(script.draft));
        conflicted.current = false;
        setConflict(null);
        setSave({ state: 'saved', error: null });
      }
      setLoadError(null);
      fetchProblems();
    } catch (err) {
      setLoadError(err.status === 404 ? 'This script does not exist (any more).' : `Could not load the script: ${err.message}`);
    }
  }, [scriptId]);

  useEffect(() => { load(); }, [load]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const draft = latest.current;
    if (!draft || draft === saved.current) return;
    if (conflicted.current) return; // waits for the user's choice
    if (inFlight.current) return; // the running save schedules the next one when it ends
    inFlight.current = true;
    dirtySince.current = null;
    setSave({ state: 'saving', error: null });
    try {
      const stored = await api(`/api/v2/scripts/${encodeURIComponent(scriptId)}`,
        { method: 'PUT', body: draft, headers: { 'If-Match': revisionTag(revision.current) } });
      revision.current = stored.draftRevision;
      saved.current = draft;
      attempts.current = 0;
      inFlight.current = false;
      if (latest.current !== draft) {
        setSave({ state: 'dirty', error: null });
        timer.current = setTimeout(flush, SAVE_DELAY_MS);
      } else {
        setSave({ state: 'saved', error: null });
      }
      fetchProblems();
    } catch (err) {
      inFlight.current = false;
      if (err.status === 412) {
        // Someone else saved since: stop autosaving, keep the local edits (also in storage), let the user choose.
        conflicted.current = true;
        keepConflict(scriptId, latest.current);
        setConflict({ message: null });
        setSave({ state: 'conflict', error: null });
        return;
      }
      // A draft the server refuses (400) will not pass by retrying: it waits for the next edit or "Retry save".
      const retry = !(err.status >= 400 && err.status < 500) || err.status === 408 || err.status === 429;
      const details = err.body && Array.isArray(err.body.details) && err.body.details.length
        ? `: ${err.body.details.map((d) => d.message || d.errorMessage || JSON.stringify(d)).join('; ')}` : '';
      const message = `${err.status === undefined ? 'The server cannot be reached' : err.message}${details}`;
      const wait = RETRY_MS[Math.min(attempts.current, RETRY_MS.length - 1)];
      attempts.current += 1;
      setSave({ state: 'error', error: retry ? `${message} (trying again in ${wait / 1000} s)` : message });
      if (retry) timer.current = setTimeout(flush, wait);
    }
  }, [scriptId]);

  // Saves what is pending now and waits for it: true when the server's draft is the one shown (publishing may go on).
  const saveNow = useCallback(async () => {
    for (let waited = 0; waited < 30000; waited += 100) {
      if (latest.current === saved.current) return true;
      if (conflicted.current) return false;
      if (!inFlight.current) {
        await flush();
        if (latest.current === saved.current) return true;
        if (!inFlight.current) return false; // refused or unreachable: the save status says why
      }
      await new Promise((resolve) => { setTimeout(resolve, 100); });
    }
    return false;
  }, [flush]);

  const dirtySince = useRef(null);
  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    const now = Date.now();
    if (dirtySince.current == null) dirtySince.current = now;
    if (conflicted.current) {
      keepConflict(scriptId, latest.current); // the user edits on while the conflict waits: keep those edits too
      return;
    }
    setSave((old) => (old.state === 'error' ? old : { state: 'dirty', error: null }));
    timer.current = setTimeout(flush, Math.max(0, Math.min(SAVE_DELAY_MS, SAVE_AT_LATEST_MS - (now - dirtySince.current))));
  }, [flush, scriptId]);

  // The conflict's two ways out.
  const loadTheirs = useCallback(() => {
    keepConflict(scriptId, null);
    conflicted.current = false;
    setConflict(null);
    return load();
  }, [load, scriptId]);
  const keepMine = useCallback(async () => {
    try {
      const script = await api(`/api/v2/scripts/${encodeURIComponent(scriptId)}`);
      revision.current = script.draftRevision;
      saved.current = script.draft; // theirs: what is stored now; the next save overwrites it with ours
    } catch (err) {
      setSave({ state: 'conflict', error: `Could not read their version: ${err.message}` });
      return;
    }
    keepConflict(scriptId, null);
    conflicted.current = false;
    setConflict(null);
    if (latest.current === saved.current) {
      setSave({ state: 'saved', error: null });
      return;
    }
    attempts.current = 0;
    await flush();
  }, [flush, scriptId]);

  const commit = useCallback((next) => {
    latest.current = next.present;
    setHistory(next);
    if (next.present !== saved.current) schedule();
  }, [schedule]);

  // update(fn, key): fn mutates a deep copy of the script; each update is one undo step (same-key quick updates,
  // i.e. typing in one field, make one step).
  const historyRef = useRef(null);
  historyRef.current = history;
  const update = useCallback((fn, key) => {
    const h = historyRef.current;
    if (!h) return;
    const next = applyUpdate(h, fn, key);
    if (next !== h) {
      historyRef.current = next;
      commit(next);
    }
  }, [commit]);
  const doUndo = useCallback(() => historyRef.current && commit(historyRef.current = undo(historyRef.current)), [commit]);
  const doRedo = useCallback(() => historyRef.current && commit(historyRef.current = redo(historyRef.current)), [commit]);

  const dirty = !!history && history.present !== saved.current;
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (e) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // Leaving the designer inside the app saves at once.
  useEffect(() => () => { flush(); }, [flush]);

  return {
    script: history && history.present,
    canUndo: !!history && history.past.length > 0,
    canRedo: !!history && history.future.length > 0,
    update, undo: doUndo, redo: doRedo,
    save, dirty, flush, saveNow, reload: load, loadError, problems, conflict, loadTheirs, keepMine,
    revision: () => revision.current,
  };
}
