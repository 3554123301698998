import { Field } from '../../shared/Field.jsx';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorMessage } from '../../shared/ErrorMessage.jsx';
import { parseJson, pretty } from './JsonView.jsx';
import { TestConsole } from './TestConsole.jsx';
import { Versions, ExecutionLog } from './ActionHistory.jsx';
import { keepUnsaved, loadUnsaved, useLeaveWarning } from '../../shared/unsaved.js';
import { typeName } from './ImportAction.jsx';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const JSON_FIELDS = [
  ['headers', 'Headers'],
  ['translationMap', 'Translation map'],
  ['translationMapDefaults', 'Translation map defaults'],
  ['inputSchema', 'Input contract'],
  ['successSchema', 'Output contract'],
];

/** The editable form of an action (draft or published version): every field a string, as typed. */
export function formOf(action) {
  const request = action.config?.request || {};
  const response = action.config?.response || {};
  return {
    name: action.name || '',
    category: action.category || '',
    requestUrlTemplate: request.requestUrlTemplate || '',
    requestType: request.requestType || 'GET',
    headers: pretty(request.headers || {}),
    requestTemplate: request.requestTemplate ?? '',
    translationMap: pretty(response.translationMap || {}),
    translationMapDefaults: pretty(response.translationMapDefaults || {}),
    successTemplate: response.successTemplate ?? '',
    timeoutSeconds: action.config?.timeoutSeconds == null ? '' : String(action.config.timeoutSeconds),
    inputSchema: pretty(action.contract?.input?.inputSchema || { type: 'object', properties: {} }),
    successSchema: pretty(action.contract?.output?.successSchema || { type: 'object', properties: {} }),
    secure: !!action.secure,
  };
}

/** The draft body from the form, keeping whatever else the config and contract held; or the JSON errors. */
function bodyOf(form, base) {
  const errors = {};
  const parsed = {};
  for (const [field, label] of JSON_FIELDS) {
    const r = parseJson(form[field], label);
    if (r.error) errors[field] = r.error;
    else parsed[field] = r.value;
  }
  const timeout = form.timeoutSeconds.trim();
  if (timeout && !/^\d+$/.test(timeout)) errors.timeoutSeconds = 'Timeout must be a whole number of seconds (1 to 60)';
  if (!form.name.trim()) errors.name = 'The action needs a name';
  if (!form.requestUrlTemplate.trim()) errors.requestUrlTemplate = 'The request URL template is required';
  if (Object.keys(errors).length) return { errors };

  const config = { ...(base.config || {}) };
  const request = { ...(config.request || {}), requestUrlTemplate: form.requestUrlTemplate, requestType: form.requestType, headers: parsed.headers };
  if (form.requestTemplate !== '' || 'requestTemplate' in request) request.requestTemplate = form.requestTemplate;
  const response = { ...(config.response || {}), translationMap: parsed.translationMap, translationMapDefaults: parsed.translationMapDefaults };
  if (form.successTemplate !== '' || 'successTemplate' in response) response.successTemplate = form.successTemplate;
  config.request = request;
  config.response = response;
  if (timeout) config.timeoutSeconds = Number(timeout);
  else delete config.timeoutSeconds;
  const contract = { ...(base.contract || {}) };
  contract.input = { ...(contract.input || {}), inputSchema: parsed.inputSchema };
  contract.output = { ...(contract.output || {}), successSchema: parsed.successSchema };
  return { body: { name: form.name.trim(), category: form.category.trim() || undefined, config, contract, secure: form.secure } };
}

export function ActionEditor({ actionId }) {
  const storageKey = `rapport.action-edit.${actionId}`;
  const [published, setPublished] = useState(null);
  const [draft, setDraft] = useState(null);
  const [integration, setIntegration] = useState(null);
  const [loaded, setLoaded] = useState(false);
  const [form, setForm] = useState(null);
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState(false);
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [logVersion, setLogVersion] = useState(0);

  const load = async () => {
    const enc = encodeURIComponent(actionId);
    const [p, d] = await Promise.all([
      api(`/api/v2/integrations/actions/${enc}`).catch((e) => (e.status === 404 ? null : Promise.reject(e))),
      api(`/api/v2/integrations/actions/${enc}/draft`).catch((e) => (e.status === 404 ? null : Promise.reject(e))),
    ]);
    if (!p && !d) throw Object.assign(new Error(`Data action ${actionId} not found.`), { status: 404 });
    setPublished(p);
    setDraft(d);
    return { p, d };
  };

  useEffect(() => {
    load().then(({ p, d }) => {
      const kept = loadUnsaved(storageKey);
      if (kept) {
        setForm(kept.form);
        setDirty(true);
        setRestored(true);
      } else {
        setForm(formOf(d || p));
      }
      const integrationId = (d || p).integrationId;
      api(`/api/v2/integrations/${encodeURIComponent(integrationId)}`).then(setIntegration).catch(() => {});
    }).catch(setError).finally(() => setLoaded(true));
  }, [actionId]);

  useLeaveWarning(dirty);

  const change = (patch) => {
    const next = { ...form, ...patch };
    setForm(next);
    setDirty(true);
    setStatus('');
    keepUnsaved(storageKey, { form: next });
  };

  const discard = () => {
    keepUnsaved(storageKey, null);
    setForm(formOf(draft || published));
    setDirty(false);
    setRestored(false);
    setErrors({});
  };

  /** Saves the form as the draft; resolves to the saved draft, or null when it could not be saved. */
  const save = async () => {
    const { errors: found, body } = bodyOf(form, draft || published);
    setErrors(found || {});
    if (found) {
      setError(new Error('Fix the fields marked below before saving.'));
      return null;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api(`/api/v2/integrations/actions/${encodeURIComponent(actionId)}/draft`,
        { method: 'PATCH', body: { ...body, version: draft ? draft.version : undefined } });
      setDraft(saved);
      setForm(formOf(saved));
      setDirty(false);
      setRestored(false);
      keepUnsaved(storageKey, null);
      setStatus('Draft saved.');
      return saved;
    } catch (err) {
      setError(err.status === 409 ? new Error(`${err.message}. Someone else changed the draft: copy your edits, then reload the page.`) : err);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    const current = dirty ? await save() : draft;
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      const done = await api(`/api/v2/integrations/actions/${encodeURIComponent(actionId)}/draft/publish`,
        { method: 'POST', body: { version: current.version } });
      setPublished(done);
      setDraft(null);
      setForm(formOf(done));
      setStatus(`Published version ${done.version}.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!confirm(`Delete the data action “${form.name}” and all its versions?`)) return;
    try {
      await api(`/api/v2/integrations/actions/${encodeURIComponent(actionId)}`, { method: 'DELETE' });
      keepUnsaved(storageKey, null);
      setDirty(false);
      location.hash = '#/admin/actions';
    } catch (err) {
      setError(err);
    }
  };

  if (!loaded) return <main class="admin"><p class="muted" role="status">Loading…</p></main>;
  if (!form) {
    return <main class="admin actions-admin"><a href="#/admin/actions">All data actions</a><ErrorMessage error={error} /></main>;
  }
  const state = draft
    ? (published ? `Draft (version ${published.version} is published)` : 'Draft, not published yet')
    : `Published, version ${published.version}`;
  const field = (name) => ({ value: form[name], onInput: (e) => change({ [name]: e.currentTarget.value }) });
  const textarea = (name, label, rows = 6) => (
    <Field label={label} error={errors[name]}>
      <textarea class="code" rows={rows} spellcheck={false} {...field(name)} />
    </Field>
  );

  return (
    <main class="admin actions-admin">
      <a href="#/admin/actions">All data actions</a>
      <div class="actions-head">
        <h2>{form.name || actionId}</h2>
        <span class="badge">{state}</span>
        {dirty && <span class="badge unsaved">Unsaved changes</span>}
      </div>
      <p class="muted">
        {actionId}{integration ? ` · ${integration.name} (${typeName(integration.integrationType.id)})` : ''}
      </p>
      {restored && (
        <p class="notice warning">
          Your unsaved edits of this action were kept and are shown.
          <button type="button" class="link" onClick={discard}>Discard unsaved edits</button>
        </p>
      )}
      <div class="toolbar">
        <button type="button" onClick={save} disabled={busy || !dirty}>Save draft</button>
        <button type="button" onClick={publish} disabled={busy || (!draft && !dirty)}>Publish</button>
        {dirty && !restored && <button type="button" class="link" onClick={discard}>Discard changes</button>}
        <button type="button" class="link danger" onClick={remove}>Delete action</button>
      </div>
      {status && <p class="notice success" role="status">{status}</p>}
      <ErrorMessage error={error} />

      <form class="action-form" onSubmit={(e) => { e.preventDefault(); save(); }}>
        <fieldset class="panel">
          <legend>Action</legend>
          <div class="grid2">
            <Field label="Name" error={errors.name}><input {...field('name')} /></Field>
            <Field label="Category"><input {...field('category')} /></Field>
          </div>
          <label class="checkbox">
            <input type="checkbox" checked={form.secure} onChange={(e) => change({ secure: e.currentTarget.checked })} />
            Secure (inputs and outputs masked in the execution log)
          </label>
        </fieldset>
        <fieldset class="panel">
          <legend>Request</legend>
          <div class="grid-url">
            <Field label="Method">
              <select value={form.requestType} onChange={(e) => change({ requestType: e.currentTarget.value })}>
                {METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </Field>
            <Field label="Request URL template" error={errors.requestUrlTemplate}>
              <input class="code" spellcheck={false} {...field('requestUrlTemplate')} />
            </Field>
            <Field label="Timeout (seconds)" error={errors.timeoutSeconds}>
              <input inputMode="numeric" placeholder="20" {...field('timeoutSeconds')} />
            </Field>
          </div>
          {textarea('headers', 'Headers (JSON object)', 3)}
          {textarea('requestTemplate', 'Request template', 8)}
        </fieldset>
        <fieldset class="panel">
          <legend>Response</legend>
          {textarea('translationMap', 'Translation map (JSON: alias → JSONPath)', 4)}
          {textarea('translationMapDefaults', 'Translation map defaults (JSON)', 3)}
          {textarea('successTemplate', 'Success template', 4)}
        </fieldset>
        <fieldset class="panel">
          <legend>Contracts</legend>
          <div class="grid2">
            {textarea('inputSchema', 'Input contract (JSON Schema)', 14)}
            {textarea('successSchema', 'Output contract (JSON Schema)', 14)}
          </div>
        </fieldset>
      </form>

      <TestConsole
        actionId={actionId}
        draft={draft}
        published={published}
        dirty={dirty}
        save={save}
        onRan={() => setLogVersion(logVersion + 1)}
      />
      {published && <Versions actionId={actionId} latest={published.version} onCopy={(v) => { change(formOf({ ...v, name: form.name, category: form.category })); setStatus(`Version ${v.version} copied into the form: save to make it the draft.`); }} />}
      <ExecutionLog actionId={actionId} refresh={logVersion} />
    </main>
  );
}
