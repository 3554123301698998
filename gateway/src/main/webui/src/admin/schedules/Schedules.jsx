// Schedules and schedule groups (Genesys's /api/v2/architect/schedules and /schedulegroups): open hours and holidays
// an inbound flow's Evaluate schedule group step branches on. Admins add and delete them here; a group's schedules
// are picked as open, closed or holiday. Times are wall-clock times of the group's time zone.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ErrorMessage } from '../../shared/ErrorMessage.jsx';
import { Field } from '../../shared/Field.jsx';
import { DAYS, describe, fromApiTime, ruleOf, toApiTime } from './rrule.js';
import './schedules.css';

const SCHEDULES = '/api/v2/architect/schedules';
const GROUPS = '/api/v2/architect/schedulegroups';
const KINDS = [['openSchedules', 'Open'], ['closedSchedules', 'Closed'], ['holidaySchedules', 'Holiday']];

export function SchedulesAdmin() {
  const [schedules, setSchedules] = useState(null);
  const [groups, setGroups] = useState(null);
  const [error, setError] = useState(null);

  const load = () => Promise.all([
    api(`${SCHEDULES}?pageSize=500`).then((l) => setSchedules(l.entities || [])),
    api(`${GROUPS}?pageSize=500`).then((l) => setGroups(l.entities || [])),
  ]).catch(setError);
  useEffect(() => { load(); }, []);

  const remove = async (base, item) => {
    if (!confirm(`Delete “${item.name}”?`)) return;
    setError(null);
    try {
      await api(`${base}/${encodeURIComponent(item.id)}`, { method: 'DELETE' });
      await load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <main class="admin schedules-admin">
      <h1>Schedules</h1>
      <p class="muted">
        Open hours and holidays. A schedule group puts schedules together in a time zone; an inbound flow's
        {' '}“Evaluate schedule group” step takes its open, closed or holiday path (holiday wins over closed, closed over
        {' '}open; outside every schedule is closed).
      </p>
      <ErrorMessage error={error} />
      <section aria-labelledby="schedules-title" class="panel">
        <h2 id="schedules-title">All schedules</h2>
        {schedules && schedules.length === 0 && <p class="muted">No schedules yet.</p>}
        {schedules && schedules.length > 0 && (
          <table>
            <caption class="visually-hidden">Schedules</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Repeats</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
            <tbody>
              {schedules.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td><td>{fromApiTime(s.start)}</td><td>{fromApiTime(s.end)}</td><td>{describe(s.rrule)}</td>
                  <td><button type="button" class="link danger" onClick={() => remove(SCHEDULES, s)}>Delete {s.name}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <NewSchedule onAdded={load} />
      </section>
      <section aria-labelledby="groups-title" class="panel">
        <h2 id="groups-title">Schedule groups</h2>
        {groups && groups.length === 0 && <p class="muted">No schedule groups yet.</p>}
        {groups && groups.length > 0 && (
          <ul class="schedule-groups">
            {groups.map((g) => (
              <li key={g.id}>
                <strong>{g.name}</strong> <span class="muted">({g.timeZone}, id {g.id})</span>
                {KINDS.map(([field, label]) => (
                  <div key={field}>{label}: {(g[field] || []).map((r) => r.name || r.id).join(', ') || 'none'}</div>
                ))}
                <button type="button" class="link danger" onClick={() => remove(GROUPS, g)}>Delete {g.name}</button>
              </li>
            ))}
          </ul>
        )}
        <NewGroup schedules={schedules || []} onAdded={load} />
      </section>
    </main>
  );
}

function NewSchedule({ onAdded }) {
  const [form, setForm] = useState({ name: '', start: '', end: '', freq: 'WEEKLY', interval: 1, days: ['MO', 'TU', 'WE', 'TH', 'FR'] });
  const [error, setError] = useState(null);
  const set = (patch) => setForm({ ...form, ...patch });
  const toggleDay = (day) => set({ days: form.days.includes(day) ? form.days.filter((d) => d !== day) : [...form.days, day] });
  const add = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      await api(SCHEDULES, { method: 'POST', body: {
        name: form.name, start: toApiTime(form.start), end: toApiTime(form.end), rrule: ruleOf(form),
      } });
      setForm({ ...form, name: '' });
      await onAdded();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="schedule-form" onSubmit={add} aria-label="Add a schedule">
      <h3>Add a schedule</h3>
      <div class="grid2">
        <Field label="Schedule name"><input value={form.name} maxLength={256} required onInput={(e) => set({ name: e.currentTarget.value })} /></Field>
        <Field label="First start" hint="Local time of the group's time zone">
          <input type="datetime-local" value={form.start} required onInput={(e) => set({ start: e.currentTarget.value })} />
        </Field>
        <Field label="First end"><input type="datetime-local" value={form.end} required onInput={(e) => set({ end: e.currentTarget.value })} /></Field>
        <Field label="Repeats">
          <select value={form.freq} onChange={(e) => set({ freq: e.currentTarget.value })}>
            <option value="none">Once</option>
            <option value="DAILY">Daily</option>
            <option value="WEEKLY">Weekly</option>
            <option value="YEARLY">Yearly</option>
          </select>
        </Field>
        {form.freq !== 'none' && (
          <Field label="Every how many (days, weeks or years)">
            <input type="number" min={1} max={1000} value={form.interval} onInput={(e) => set({ interval: e.currentTarget.value })} />
          </Field>
        )}
      </div>
      {form.freq === 'WEEKLY' && (
        <fieldset class="days">
          <legend>On days</legend>
          {DAYS.map(([d, label]) => (
            <label class="checkbox" key={d}>
              <input type="checkbox" checked={form.days.includes(d)} onChange={() => toggleDay(d)} /> {label}
            </label>
          ))}
        </fieldset>
      )}
      <ErrorMessage error={error} />
      <div><button type="submit">Add schedule</button></div>
    </form>
  );
}

function NewGroup({ schedules, onAdded }) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState(zone);
  const [kinds, setKinds] = useState({}); // schedule id → field (openSchedules...) or ''
  const [error, setError] = useState(null);
  const add = async (e) => {
    e.preventDefault();
    setError(null);
    const body = { name, timeZone };
    for (const [field] of KINDS) {
      body[field] = Object.entries(kinds).filter(([, f]) => f === field).map(([id]) => ({ id }));
    }
    try {
      await api(GROUPS, { method: 'POST', body });
      setName('');
      setKinds({});
      await onAdded();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="schedule-form" onSubmit={add} aria-label="Add a schedule group">
      <h3>Add a schedule group</h3>
      <div class="grid2">
        <Field label="Schedule group name"><input value={name} maxLength={256} required onInput={(e) => setName(e.currentTarget.value)} /></Field>
        <Field label="Time zone" hint="IANA name, e.g. America/New_York">
          <input value={timeZone} required onInput={(e) => setTimeZone(e.currentTarget.value)} />
        </Field>
      </div>
      {schedules.length > 0 && (
        <div class="grid2">
          {schedules.map((s) => (
            <Field key={s.id} label={`Schedule ${s.name} in this group`}>
              <select value={kinds[s.id] || ''} onChange={(e) => setKinds({ ...kinds, [s.id]: e.currentTarget.value })}>
                <option value="">Not used</option>
                {KINDS.map(([field, label]) => <option key={field} value={field}>{label}</option>)}
              </select>
            </Field>
          ))}
        </div>
      )}
      <ErrorMessage error={error} />
      <div><button type="submit">Add schedule group</button></div>
    </form>
  );
}
