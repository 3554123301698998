// What the flow editor offers to pick from: data tables, published scripts (and their input variables), and the
// queues the inbound flows already transfer to (Rapport keeps no list of queues of its own).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { branchesOf } from './stepModel.js';

/** [{id, name}] of the queues flows transfer to or match, by name. */
export function queuesOf(flows) {
  const found = new Map();
  const walk = (steps) => (steps || []).forEach((s) => {
    if ((s.type === 'transferToQueue' || s.type === 'transferToAcd') && s.queueId) {
      found.set(s.queueId, s.queueName || found.get(s.queueId) || s.queueId);
    }
    branchesOf(s.type).forEach(([b]) => walk(s[b]));
    (s.cases || []).forEach((c) => walk(c.steps));
  });
  for (const f of flows) {
    walk(f.draft?.steps);
    (f.draft?.match?.queues || []).forEach((id) => { if (!found.has(id)) found.set(id, id); });
  }
  return [...found].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

export function useCatalog() {
  const [tables, setTables] = useState([]);
  const [scripts, setScripts] = useState([]);
  const [queues, setQueues] = useState([]);
  const [error, setError] = useState(null);
  const [actions, setActions] = useState([]);
  const [scheduleGroups, setScheduleGroups] = useState([]);
  useEffect(() => {
    // For the flow logic steps: data actions to call, schedule groups to evaluate (offered, not required).
    api('/api/v2/integrations/actions?pageSize=500').then((r) => setActions(r.entities || [])).catch(() => {});
    api('/api/v2/architect/schedulegroups?pageSize=500').then((r) => setScheduleGroups(r.entities || [])).catch(() => {});
    api('/api/v2/flows/datatables?pageSize=100&expand=schema').then((r) => setTables(r.entities)).catch(setError);
    api('/api/v2/scripts?pageSize=500').then((r) => setScripts(r.entities.filter((s) => s.currentVersion))).catch(setError);
    api('/api/v2/flows/inbound?pageSize=500').then((r) => setQueues(queuesOf(r.entities))).catch(() => {});
  }, []);
  const cache = useMemo(() => new Map(), []);
  // The input variables of the script's published version (what the screen pop shows), else of its draft.
  const scriptInputs = (id) => {
    if (!cache.has(id)) {
      const enc = encodeURIComponent(id);
      const load = api(`/api/v2/scripts/${enc}`).then(async (script) => {
        const definition = script.currentVersion
          ? (await api(`/api/v2/scripts/${enc}/versions/${script.currentVersion}`)).definition
          : script.draft;
        return (definition?.variables || []).filter((v) => v.input).map((v) => v.name);
      });
      load.catch(() => cache.delete(id));
      cache.set(id, load);
    }
    return cache.get(id);
  };
  return { tables, scripts, queues, scriptInputs, error, actions, scheduleGroups };
}
