import { Field } from '../../shared/Field.jsx';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorMessage } from '../../shared/ErrorMessage.jsx';

const TYPE_NAMES = {
  'purecloud-data-actions': 'Genesys Cloud Data Actions',
  'custom-rest-actions': 'Web Services Data Actions',
};

export function typeName(id) {
  return TYPE_NAMES[id] || id;
}

// Genesys's Import: drop the export file (or choose it), pick the integration, keep or change the name.
// The result is a draft, opened in the editor to test and publish.
export function ImportAction({ integrations }) {
  const [file, setFile] = useState(null); // {fileName, content, name, integrationType}
  const [integrationId, setIntegrationId] = useState('');
  const [name, setName] = useState('');
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);

  const read = async (chosen) => {
    setError(null);
    if (!chosen) return;
    try {
      const content = JSON.parse(await chosen.text());
      if (!content || typeof content !== 'object' || !content.config) {
        throw new Error('it has no "config": is it a data action export (.custom.json)?');
      }
      setFile({ fileName: chosen.name, content, name: content.name || '', integrationType: content.integrationType });
      setName(content.name || chosen.name.replace(/(\.custom)?\.json$/i, ''));
      const match = (integrations || []).find((i) => i.integrationType.id === content.integrationType);
      if (match && !(integrations || []).some((i) => i.id === integrationId && i.integrationType.id === content.integrationType)) {
        setIntegrationId(match.id);
      }
    } catch (err) {
      setFile(null);
      setError(new Error(`${chosen.name} cannot be imported: ${err.message}`));
    }
  };

  // The list of integrations may arrive after the file was chosen: preselect the only one of the file's type then.
  useEffect(() => {
    if (!file || integrationId) return;
    const matches = (integrations || []).filter((i) => i.integrationType.id === file.integrationType);
    if (matches.length === 1) setIntegrationId(matches[0].id);
  }, [file, integrations]);

  const submit = async (e) => {
    e.preventDefault();
    if (!file) { setError(new Error('Choose or drop an export file first.')); return; }
    if (!integrationId) { setError(new Error('Choose the integration to import into.')); return; }
    setBusy(true);
    setError(null);
    try {
      const q = new URLSearchParams({ integrationId });
      if (name.trim()) q.set('name', name.trim());
      const action = await api(`/api/v2/integrations/actions/import?${q}`, { method: 'POST', body: file.content });
      location.hash = `#/admin/actions/${encodeURIComponent(action.id)}`;
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const wrongType = file && integrationId && file.integrationType
    && (integrations || []).find((i) => i.id === integrationId)?.integrationType.id !== file.integrationType;
  return (
    <section aria-labelledby="import-title" class="panel">
      <h3 id="import-title">Import a data action</h3>
      <form class="import-form" onSubmit={submit}>
        <div
          class={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => { e.preventDefault(); setDragging(false); read(e.dataTransfer.files[0]); }}
        >
          <p>Drop a Genesys data action export file (.json) here, or choose it:</p>
          <Field label="Export file">
            <input type="file" accept=".json,application/json" onChange={(e) => read(e.currentTarget.files[0])} />
          </Field>
          {file && <p class="muted" role="status">{file.fileName}: “{file.name}”, {typeName(file.integrationType)}</p>}
        </div>
        <Field label="Integration" error={wrongType ? `The file is for a ${typeName(file.integrationType)} integration; this one is of another type.` : null}>
          <select value={integrationId} onChange={(e) => setIntegrationId(e.currentTarget.value)}>
            <option value="">Choose an integration…</option>
            {(integrations || []).map((i) => (
              <option key={i.id} value={i.id}>{i.name} ({typeName(i.integrationType.id)})</option>
            ))}
          </select>
        </Field>
        {integrations && integrations.length === 0 && (
          <p class="muted">No integration yet: <a href="#/admin/actions/integrations">create one</a> first.</p>
        )}
        <Field label="Action name">
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <div><button type="submit" disabled={busy}>{busy ? 'Importing…' : 'Import'}</button></div>
        <ErrorMessage error={error} />
      </form>
    </section>
  );
}
