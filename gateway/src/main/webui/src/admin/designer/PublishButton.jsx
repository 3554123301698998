// Publish, in the designer's toolbar: saves what is pending, then makes the saved draft a new version, the one screen
// pops use from then on. A refusal says why and shows the Problems tab.
import { useState } from 'preact/hooks';
import { api } from '../../api.js';

export function PublishButton({ scriptId, draft, onPublished, onRefused }) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [refusal, setRefusal] = useState(null);
  const publish = async () => {
    setBusy(true);
    setSaid('');
    setRefusal(null);
    try {
      if (!(await draft.saveNow())) {
        setRefusal('Not published: the draft could not be saved first (see the save status).');
        return;
      }
      const version = await api(`/api/v2/scripts/${encodeURIComponent(scriptId)}/publish`, { method: 'POST' });
      setSaid(`Published version ${version.version}; new interactions get it.`);
      onPublished(version.version);
    } catch (e) {
      const details = (e.body && e.body.details) || [];
      setRefusal(`Not published: ${e.message}${details.length ? ' See Problems.' : ''}`);
      if (details.length) onRefused();
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="d-publish">
      <button type="button" onClick={publish} disabled={busy}>{busy ? 'Publishing…' : 'Publish'}</button>
      <span class="d-published" role="status">{said}</span>
      {refusal && <span class="d-save-error" role="alert">{refusal}</span>}
    </span>
  );
}
