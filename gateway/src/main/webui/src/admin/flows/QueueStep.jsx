// A Transfer to queue step: the queue's name, offered from the queues other flows use (typing narrows the list),
// and its id, which follows the name until it is typed in by hand.
import { useId } from 'preact/hooks';
import { Field } from '../../shared/Field.jsx';

export function slug(text) {
  return text.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function QueueStep({ step, onChange, catalog }) {
  const listId = useId();
  const queues = catalog.queues || [];
  const setName = (queueName) => {
    const known = queues.find((q) => q.name === queueName);
    const follows = !step.queueId || step.queueId === slug(step.queueName || '')
      || queues.some((q) => q.id === step.queueId && q.name === step.queueName);
    const queueId = known ? known.id : follows ? slug(queueName) : step.queueId;
    onChange({ ...step, queueName, queueId });
  };
  return (
    <div class="step-body grid2">
      <datalist id={listId}>{queues.map((q) => <option key={q.id} value={q.name}>{q.id}</option>)}</datalist>
      <Field label="Queue name" hint={queues.length ? 'Type to find a queue other flows use, or a new name' : undefined}>
        <input list={listId} value={step.queueName || ''} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field label="Queue id"><input value={step.queueId || ''} onInput={(e) => onChange({ ...step, queueId: e.currentTarget.value })} /></Field>
      <label class="checkbox">
        <input type="checkbox" checked={!!step.wrapupRequired}
          onChange={(e) => onChange({ ...step, wrapupRequired: e.currentTarget.checked || undefined })} />
        <span>Agents of this queue must wrap up (a wrap-up code when the call leaves them)</span>
      </label>
    </div>
  );
}
