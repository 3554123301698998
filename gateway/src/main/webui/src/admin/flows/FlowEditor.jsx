import { useEffect, useState } from 'preact/hooks';
import { api, revisionTag } from '../../api.js';
import { Field } from '../../shared/Field.jsx';
import { ErrorMessage } from '../../shared/ErrorMessage.jsx';
import { keepUnsaved, loadUnsaved, useLeaveWarning } from '../../shared/unsaved.js';
import { StepList, fromModel, toModel } from './FlowSteps.jsx';
import { placeOf, variablesOf } from './stepModel.js';

export { placeOf };
import { useCatalog } from './catalog.js';

function formOf(flow) {
  const d = flow.draft || {};
  return {
    name: d.name || flow.name || '',
    description: d.description || '',
    isDefault: !!d.match?.isDefault,
    dnis: (d.match?.dnis || []).join('\n'),
    queues: (d.match?.queues || []).join('\n'),
    steps: fromModel(d.steps || []),
  };
}

function definitionOf(form) {
  const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    name: form.name.trim(),
    description: form.description.trim() || undefined,
    match: { isDefault: form.isDefault, dnis: lines(form.dnis), queues: lines(form.queues) },
    steps: toModel(form.steps),
  };
}

export function FlowEditor({ flowId }) {
  const storageKey = `rapport.flow-edit.${flowId}`;
  const catalog = useCatalog();
  const [flow, setFlow] = useState(null);
  const [form, setForm] = useState(null);
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState(false);
  const [versions, setVersions] = useState([]);
  const [error, setError] = useState(null);
  const [problems, setProblems] = useState(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // The draft revision the form is based on (sent as If-Match), and whether someone else saved since (412).
  const [revision, setRevision] = useState(null);
  const [conflict, setConflict] = useState(false);
  const enc = encodeURIComponent(flowId);

  const loadVersions = () => api(`/api/v2/flows/inbound/${enc}/versions`).then(setVersions).catch(() => {});
  useEffect(() => {
    api(`/api/v2/flows/inbound/${enc}`).then((f) => {
      setFlow(f);
      const kept = loadUnsaved(storageKey);
      if (kept) {
        setForm({ ...kept.form, steps: fromModel(kept.form.steps) });
        setRevision(kept.revision ?? f.draftRevision); // edits of an older revision must not overwrite silently
        setDirty(true);
        setRestored(true);
      } else {
        setForm(formOf(f));
        setRevision(f.draftRevision);
      }
    }).catch(setError);
    loadVersions();
  }, [flowId]);
  useLeaveWarning(dirty);

  const change = (patch) => {
    const next = { ...form, ...patch };
    setForm(next);
    setDirty(true);
    setStatus('');
    keepUnsaved(storageKey, { form: { ...next, steps: toModel(next.steps) }, revision });
  };

  const discard = () => {
    keepUnsaved(storageKey, null);
    setForm(formOf(flow));
    setRevision(flow.draftRevision);
    setDirty(false);
    setRestored(false);
  };

  const save = async (base = revision) => {
    if (!form.name.trim()) {
      setError(new Error('The flow needs a name.'));
      return null;
    }
    setBusy(true);
    setError(null);
    setProblems(null);
    try {
      const saved = await api(`/api/v2/flows/inbound/${enc}`,
        { method: 'PUT', body: definitionOf(form), headers: { 'If-Match': revisionTag(base) } });
      setFlow(saved);
      setRevision(saved.draftRevision);
      setConflict(false);
      setDirty(false);
      setRestored(false);
      keepUnsaved(storageKey, null);
      setStatus('Flow saved.');
      return saved;
    } catch (err) {
      if (err.status === 412) setConflict(true); // the edits stay in the form (and in storage)
      else setError(err);
      return null;
    } finally {
      setBusy(false);
    }
  };

  // The conflict's two ways out: take the stored flow (dropping the edits), or save the edits over it.
  const loadTheirs = async () => {
    setError(null);
    try {
      const theirs = await api(`/api/v2/flows/inbound/${enc}`);
      keepUnsaved(storageKey, null);
      setFlow(theirs);
      setForm(formOf(theirs));
      setRevision(theirs.draftRevision);
      setDirty(false);
      setRestored(false);
      setConflict(false);
      setStatus('Their version of the flow was loaded.');
    } catch (err) {
      setError(err);
    }
  };
  const keepMine = async () => {
    setError(null);
    try {
      const theirs = await api(`/api/v2/flows/inbound/${enc}`);
      setFlow({ ...flow, currentVersion: theirs.currentVersion });
      setRevision(theirs.draftRevision);
      await save(theirs.draftRevision);
    } catch (err) {
      setError(err);
    }
  };

  const publish = async () => {
    if (dirty && !(await save())) return;
    setBusy(true);
    setError(null);
    setProblems(null);
    try {
      const published = await api(`/api/v2/flows/inbound/${enc}/publish`, { method: 'POST' });
      setFlow({ ...flow, currentVersion: published.version });
      setStatus(`Published version ${published.version}.`);
      loadVersions();
    } catch (err) {
      const details = err.body?.details || [];
      if (details.length) setProblems(details.map((d) => (d.message || '').replace(/^([^:]+):/, (_, p) => `${placeOf(p)}:`)));
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!confirm(`Delete the inbound flow “${form.name}” and its published versions?`)) return;
    try {
      await api(`/api/v2/flows/inbound/${enc}`, { method: 'DELETE' });
      keepUnsaved(storageKey, null);
      setDirty(false);
      location.hash = '#/admin/flows';
    } catch (err) {
      setError(err);
    }
  };

  if (!form) {
    return (
      <main class="admin flows-admin">
        <a href="#/admin/flows">All flows</a>
        {error ? <ErrorMessage error={error} /> : <p class="muted" role="status">Loading…</p>}
      </main>
    );
  }
  const published = flow.currentVersion ? `Published version ${flow.currentVersion}` : 'Not published';
  return (
    <main class="admin flows-admin">
      <a href="#/admin/flows">All flows</a>
      <div class="flows-head">
        <h2>{form.name || 'Inbound flow'}</h2>
        <span class="badge">{published}</span>
        {dirty && <span class="badge unsaved">Unsaved changes</span>}
      </div>
      {restored && (
        <p class="notice warning">
          Your unsaved edits of this flow were kept and are shown.
          <button type="button" class="link" onClick={discard}>Discard unsaved edits</button>
        </p>
      )}
      {conflict && (
        <div class="notice warning flow-conflict" role="alert">
          <p><strong>This flow was changed elsewhere</strong>: someone else saved it after you loaded it, so your changes
            {' '}were not saved.</p>
          <p>“Load their version” shows the saved flow and your unsaved changes here are lost. “Keep mine” saves your
            {' '}version over theirs.</p>
          <button type="button" onClick={loadTheirs} disabled={busy}>Load their version</button>
          {' '}
          <button type="button" onClick={keepMine} disabled={busy}>Keep mine</button>
        </div>
      )}
      <div class="toolbar">
        <button type="button" onClick={() => save()} disabled={busy || !dirty}>Save</button>
        <button type="button" onClick={publish} disabled={busy}>Publish</button>
        {dirty && !restored && <button type="button" class="link" onClick={discard}>Discard changes</button>}
        <button type="button" class="link danger" onClick={remove}>Delete flow</button>
      </div>
      {status && <p class="notice success" role="status">{status}</p>}
      <ErrorMessage error={error || catalog.error} />
      {problems && (
        <div class="notice error problems" role="alert">
          <p>The flow cannot be published:</p>
          <ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </div>
      )}
      <form class="flow-form" onSubmit={(e) => { e.preventDefault(); save(); }}>
        <fieldset class="panel">
          <legend>Flow</legend>
          <div class="grid2">
            <Field label="Flow name"><input value={form.name} onInput={(e) => change({ name: e.currentTarget.value })} /></Field>
            <Field label="Description"><input value={form.description} onInput={(e) => change({ description: e.currentTarget.value })} /></Field>
          </div>
        </fieldset>
        <fieldset class="panel">
          <legend>Match</legend>
          <label class="checkbox">
            <input type="checkbox" checked={form.isDefault} onChange={(e) => change({ isDefault: e.currentTarget.checked })} />
            Default flow (takes every interaction no other flow matches)
          </label>
          <div class="grid2">
            <Field label="Match DNIS numbers, one a line" hint="Calls to these numbers take this flow">
              <textarea rows={3} value={form.dnis} onInput={(e) => change({ dnis: e.currentTarget.value })} />
            </Field>
            <Field label="Match queues, one a line" hint="Queue ids; interactions queued there take this flow">
              <textarea rows={3} value={form.queues} onInput={(e) => change({ queues: e.currentTarget.value })} />
            </Field>
          </div>
        </fieldset>
        <fieldset class="panel">
          <legend>Steps</legend>
          <p class="muted">
            Expressions: {'{{Call.Ani}}'}, {'{{Call.Dnis}}'}, {'{{Call.InteractionId}}'}, {'{{Call.Attributes.<name>}}'},
            and {'{{Flow.<variable>}}'} for a variable set by a lookup above on the same path. Decisions, switches,
            {' '}Set variable and other expressions use the scripts' language: contains(), split(), count(), substring(),
            {' '}replace(), isSet(), toString(), toNumber(), e164() (docs/script-service.md).
          </p>
          <StepList steps={form.steps} onChange={(steps) => change({ steps })} listName="Flow steps" path="Step "
            vars={variablesOf(form.steps)} catalog={catalog} />
        </fieldset>
      </form>
      {versions.length > 0 && (
        <section aria-labelledby="flow-versions-title" class="panel">
          <h3 id="flow-versions-title">Published versions</h3>
          <ul class="versions">
            {[...versions].reverse().map((v) => (
              <li key={v.version}>
                Version {v.version}{v.version === flow.currentVersion ? ' (live)' : ''}: {new Date(v.publishedAt).toLocaleString()} by {v.publishedBy}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
