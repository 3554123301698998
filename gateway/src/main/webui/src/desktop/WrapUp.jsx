// After-call work: when an interaction has left this agent (it ended, or was transferred away) and its script or its
// queue requires a wrap-up, the desktop asks for a code from the admin's list and, when required, notes. The focus
// moves into the form when it opens. The gateway and script-service check the same again; their refusals are shown
// here (and script-service's as an error alert above the script, which also gives the form back).
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Field } from '../shared/Field.jsx';
import { levelOf } from './levels.js';

const MAX_NOTES = 2000;

export function WrapUpForm({ session, onSend }) {
  const wrapup = session.wrapup;
  const [codes, setCodes] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [code, setCode] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const [sending, setSending] = useState(false);
  // The session version shown when the wrap-up went out: a later one with an error alert is script-service's refusal.
  const [sentAt, setSentAt] = useState(null);
  const first = useRef(null);

  useEffect(() => {
    if (sentAt !== null && session.version > sentAt
        && (session.alerts || []).some((a) => levelOf(a.level) === 'error')) {
      setSentAt(null);
      setSending(false);
    }
  }, [session.version]);

  useEffect(() => {
    api('/api/v2/routing/wrapupcodes?pageSize=500')
      .then((listing) => setCodes(listing.entities || []))
      .catch((e) => setLoadError(`The wrap-up codes could not be loaded: ${e.message}`));
  }, []);
  useEffect(() => {
    if (first.current) first.current.focus();
  }, []);

  const submit = async (e) => {
    e.preventDefault();
    const problems = {};
    if (!code) problems.code = 'Choose a wrap-up code.';
    if (wrapup.notesRequired && !notes.trim()) problems.notes = 'Notes are required to wrap up this interaction.';
    setErrors(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setSending(true);
    setSentAt(session.version);
    try {
      await onSend({ type: 'wrapUp', code, notes: notes.trim() || undefined });
    } catch (err) {
      const field = err.body && err.body.details && err.body.details[0] && err.body.details[0].fieldName;
      if (field === 'notes' || field === 'code') setErrors({ [field]: err.message });
      else setError(err.message);
      setSentAt(null);
      setSending(false);
    }
  };

  return (
    <form class="wrapup" aria-labelledby="wrapup-title" onSubmit={submit} noValidate data-wrapup={wrapup.status}>
      <h3 id="wrapup-title">Wrap-up</h3>
      <p class="meta">
        This interaction has {session.state === 'ended' ? 'ended' : 'left you'}. Choose how it went
        {wrapup.notesRequired ? ' and write notes' : ''}; it leaves your list once you are done.
      </p>
      {loadError && <p class="error" role="alert">{loadError}</p>}
      <Field label="Wrap-up code" error={errors.code}>
        <select ref={first} value={code} required aria-required="true" disabled={sending}
          onChange={(e) => setCode(e.currentTarget.value)}>
          <option value="">{codes ? 'Choose a code…' : 'Loading the codes…'}</option>
          {(codes || []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </Field>
      <Field label={wrapup.notesRequired ? 'Notes (required)' : 'Notes'} error={errors.notes}
        hint={`At most ${MAX_NOTES} characters.`}>
        <textarea rows={3} maxLength={MAX_NOTES} value={notes} required={wrapup.notesRequired}
          aria-required={wrapup.notesRequired ? 'true' : undefined} disabled={sending}
          onInput={(e) => setNotes(e.currentTarget.value)} />
      </Field>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit" aria-busy={sending ? 'true' : 'false'} disabled={sending}>
        {sending ? 'Wrapping up…' : 'Done'}
      </button>
    </form>
  );
}

// What the agent chose, once done.
export function WrapUpDone({ wrapup }) {
  return (
    <p class="wrapup-done" data-wrapup="done">
      Wrapped up: <strong>{wrapup.codeName || wrapup.code}</strong>{wrapup.notes ? ` — ${wrapup.notes}` : ''}
    </p>
  );
}
