// Built-in routing's setup (script-service; Genesys's /api/v2/routing/queues, /skills, /languages and
// /api/v2/users/{id}/routingskills, /routinglanguages): queues with their members and timeouts, skills and languages,
// and which agent has which. Everything shown is text (Preact escapes it); errors name what was refused.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Field } from '../shared/Field.jsx';

const QUEUES = '/api/v2/routing/queues';
const KINDS = [
  { base: '/api/v2/routing/skills', userPath: 'routingskills', one: 'skill', title: 'Skills' },
  { base: '/api/v2/routing/languages', userPath: 'routinglanguages', one: 'language', title: 'Languages' },
];

const all = (path) => api(`${path}${path.includes('?') ? '&' : '?'}pageSize=500`).then((l) => l.entities || []);
const enc = encodeURIComponent;

export function RoutingAdmin() {
  const [users, setUsers] = useState([]);
  const [skills, setSkills] = useState({});
  const [error, setError] = useState(null);
  const loadSkills = () => Promise.all(KINDS.map((k) => all(k.base)))
    .then(([s, l]) => setSkills({ skill: s, language: l }))
    .catch((e) => setError(`Skills and languages could not be loaded: ${e.message}`));
  useEffect(() => {
    all('/api/v2/users').then(setUsers).catch((e) => setError(`The users could not be loaded: ${e.message}`));
    loadSkills();
  }, []);
  return (
    <main class="admin routing-admin">
      <h1>Routing</h1>
      <p class="muted">
        Interactions a flow transfers to one of these queues are offered to the member who has been available
        longest and has the interaction&apos;s skills and language; one who does not answer within the alert timeout
        becomes not responding and the next is offered it.
      </p>
      {error && <p class="error" role="alert">{error}</p>}
      <Queues users={users} />
      {KINDS.map((k) => <SkillList key={k.one} kind={k} items={skills[k.one] || []} onChanged={loadSkills} />)}
      <AgentSkills users={users} skills={skills} />
    </main>
  );
}

function Queues({ users }) {
  const [queues, setQueues] = useState(null);
  const [error, setError] = useState(null);
  const [formError, setFormError] = useState(null);
  const [name, setName] = useState('');
  const load = () => all(QUEUES).then(setQueues).catch((e) => setError(`The queues could not be loaded: ${e.message}`));
  useEffect(() => { load(); }, []);
  const add = async (e) => {
    e.preventDefault();
    setFormError(null);
    try {
      await api(QUEUES, { method: 'POST', body: { name } });
      setName('');
      await load();
    } catch (err) {
      setFormError(err.message);
    }
  };
  return (
    <section aria-labelledby="queues-title">
      <h2 id="queues-title">Queues</h2>
      {error && <p class="error" role="alert">{error}</p>}
      <form class="d-inline-form" onSubmit={add} aria-label="Add a queue">
        <Field label="Name of the new queue" error={formError}>
          <input value={name} maxLength={256} required onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <button type="submit">Add queue</button>
      </form>
      {queues && queues.length === 0 && <p class="muted">No queues yet.</p>}
      {queues && queues.map((q) => <Queue key={q.id} queue={q} users={users} onChanged={load} />)}
    </section>
  );
}

function Queue({ queue, users, onChanged }) {
  const [alerting, setAlerting] = useState(String(queue.mediaSettings.call.alertingTimeoutSeconds));
  const [inQueue, setInQueue] = useState(queue.inQueueTimeoutSeconds == null ? '' : String(queue.inQueueTimeoutSeconds));
  const [members, setMembers] = useState([]);
  const [adding, setAdding] = useState('');
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState(null);
  const membersPath = `${QUEUES}/${enc(queue.id)}/members`;
  const loadMembers = () => all(membersPath).then(setMembers).catch((e) => setError(e.message));
  useEffect(() => { loadMembers(); }, [queue.id]);

  const save = async (e) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const body = { name: queue.name, description: queue.description || undefined,
      mediaSettings: { call: { alertingTimeoutSeconds: Number(alerting) } } };
    if (inQueue !== '') body.inQueueTimeoutSeconds = Number(inQueue);
    try {
      await api(`${QUEUES}/${enc(queue.id)}`, { method: 'PUT', body });
      setSaved(`Timeouts of ${queue.name} saved.`);
      await onChanged();
    } catch (err) {
      setError(err.message);
    }
  };
  const change = async (userId, remove) => {
    setError(null);
    try {
      await api(`${membersPath}${remove ? '?delete=true' : ''}`, { method: 'POST', body: [{ id: userId }] });
      setAdding('');
      await loadMembers();
    } catch (err) {
      setError(err.message);
    }
  };
  const remove = async () => {
    try {
      await api(`${QUEUES}/${enc(queue.id)}`, { method: 'DELETE' });
      await onChanged();
    } catch (err) {
      setError(`${queue.name} was not deleted: ${err.message}`);
    }
  };
  const memberIds = new Set(members.map((m) => m.id));
  return (
    <article class="queue" data-queue={queue.id} aria-labelledby={`queue-${queue.id}`}>
      <h3 id={`queue-${queue.id}`}>{queue.name}</h3>
      <form class="d-inline-form" onSubmit={save} aria-label={`Timeouts of ${queue.name}`}>
        <Field label={`Alert timeout of ${queue.name} (seconds)`}>
          <input type="number" min={1} max={3600} required value={alerting}
            onInput={(e) => setAlerting(e.currentTarget.value)} />
        </Field>
        <Field label={`In-queue timeout of ${queue.name} (seconds, empty: none)`}>
          <input type="number" min={1} value={inQueue} onInput={(e) => setInQueue(e.currentTarget.value)} />
        </Field>
        <button type="submit">Save timeouts</button>
        <button type="button" class="link danger" onClick={remove}>Delete {queue.name}</button>
      </form>
      {saved && <p class="notice" role="status">{saved}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      <ul aria-label={`Members of ${queue.name}`}>
        {members.map((m) => (
          <li key={m.id} data-member={m.id}>
            {m.name} <span class="muted">({m.routingStatus.status})</span>{' '}
            <button type="button" class="link" onClick={() => change(m.id, true)}>Remove {m.name}</button>
          </li>
        ))}
      </ul>
      <form class="d-inline-form" onSubmit={(e) => { e.preventDefault(); if (adding) change(adding, false); }}
        aria-label={`Add a member to ${queue.name}`}>
        <Field label={`New member of ${queue.name}`}>
          <select value={adding} onChange={(e) => setAdding(e.currentTarget.value)}>
            <option value="">Choose a user</option>
            {users.filter((u) => !memberIds.has(u.id)).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </Field>
        <button type="submit" disabled={!adding}>Add member</button>
      </form>
    </article>
  );
}

function SkillList({ kind, items, onChanged }) {
  const [name, setName] = useState('');
  const [error, setError] = useState(null);
  const add = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      await api(kind.base, { method: 'POST', body: { name } });
      setName('');
      await onChanged();
    } catch (err) {
      setError(err.message);
    }
  };
  const remove = async (item) => {
    setError(null);
    try {
      await api(`${kind.base}/${enc(item.id)}`, { method: 'DELETE' });
      await onChanged();
    } catch (err) {
      setError(`${item.name} was not deleted: ${err.message}`);
    }
  };
  return (
    <section aria-labelledby={`${kind.one}-title`}>
      <h2 id={`${kind.one}-title`}>{kind.title}</h2>
      <form class="d-inline-form" onSubmit={add} aria-label={`Add a ${kind.one}`}>
        <Field label={`Name of the new ${kind.one}`} error={error}>
          <input value={name} maxLength={256} required onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <button type="submit">Add {kind.one}</button>
      </form>
      {items.length === 0 ? <p class="muted">None yet.</p> : (
        <ul aria-label={kind.title}>
          {items.map((i) => (
            <li key={i.id}>{i.name}{' '}
              <button type="button" class="link danger" onClick={() => remove(i)}>Delete {i.name}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AgentSkills({ users, skills }) {
  const [userId, setUserId] = useState('');
  const [held, setHeld] = useState({});
  const [choice, setChoice] = useState({ skill: '', language: '' });
  const [proficiency, setProficiency] = useState('3');
  const [error, setError] = useState(null);
  const load = (id) => Promise.all(KINDS.map((k) => all(`/api/v2/users/${enc(id)}/${k.userPath}`)))
    .then(([s, l]) => setHeld({ skill: s, language: l })).catch((e) => setError(e.message));
  useEffect(() => { if (userId) load(userId); else setHeld({}); }, [userId]);
  const give = async (kind) => {
    setError(null);
    try {
      await api(`/api/v2/users/${enc(userId)}/${kind.userPath}`, { method: 'POST',
        body: { id: choice[kind.one], proficiency: Number(proficiency) } });
      await load(userId);
    } catch (err) {
      setError(err.message);
    }
  };
  const take = async (kind, item) => {
    setError(null);
    try {
      await api(`/api/v2/users/${enc(userId)}/${kind.userPath}/${enc(item.id)}`, { method: 'DELETE' });
      await load(userId);
    } catch (err) {
      setError(err.message);
    }
  };
  return (
    <section aria-labelledby="agent-skills-title">
      <h2 id="agent-skills-title">Agents&apos; skills and languages</h2>
      <Field label="Agent">
        <select value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
          <option value="">Choose a user</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
      </Field>
      {error && <p class="error" role="alert">{error}</p>}
      {userId && KINDS.map((k) => (
        <div key={k.one}>
          <h3>{k.title}</h3>
          <ul aria-label={`${k.title} of the agent`}>
            {(held[k.one] || []).map((i) => (
              <li key={i.id}>{i.name} <span class="muted">(proficiency {i.proficiency})</span>{' '}
                <button type="button" class="link" onClick={() => take(k, i)}>Take {i.name} away</button>
              </li>
            ))}
          </ul>
          <form class="d-inline-form" onSubmit={(e) => { e.preventDefault(); if (choice[k.one]) give(k); }}
            aria-label={`Give a ${k.one}`}>
            <Field label={`${k.title.slice(0, -1)} to give`}>
              <select value={choice[k.one]} onChange={(e) => setChoice({ ...choice, [k.one]: e.currentTarget.value })}>
                <option value="">Choose a {k.one}</option>
                {(skills[k.one] || []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            </Field>
            <Field label={`Proficiency (0 to 5) for the ${k.one}`}>
              <input type="number" min={0} max={5} step="any" value={proficiency}
                onInput={(e) => setProficiency(e.currentTarget.value)} />
            </Field>
            <button type="submit" disabled={!choice[k.one]}>Give {k.one}</button>
          </form>
        </div>
      ))}
    </section>
  );
}
