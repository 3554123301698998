// A custom action's steps as nested lists: each step with its tools (up, down, delete), its fields, and its
// branches (if/else, on success/on failure, try/on error), each branch a list of its own.
import { useEffect, useRef, useState } from 'preact/hooks';
import { focusFirstIn } from '../../../shared/focusFirst.js';
import { AddStepMenu } from './AddStepMenu.jsx';
import { StepFields } from './StepFields.jsx';
import { blankStep, branchesOf, listAt, stepTypeLabel } from './steps.js';

/** One list of steps (an action's own, or a branch), with its one "add step" control. */
export function StepList({ ctx, steps, path, title, prefix }) {
  const list = useRef(null);
  const [added, setAdded] = useState(0);
  // the step just added takes the focus to its first field
  useEffect(() => { if (added) focusFirstIn(list.current && list.current.lastElementChild); }, [added]);
  const add = (type) => {
    ctx.edit((a) => { listAt(a, path).push(blankStep(type)); });
    setAdded((n) => n + 1);
  };
  return (
    <div class="step-list">
      {steps.length === 0 && <p class="muted">No steps.</p>}
      <ol ref={list}>
        {steps.map((step, i) => (
          <li key={i}>
            <StepEditor ctx={ctx} step={step} path={path} index={i} count={steps.length}
              title={`${prefix} ${i + 1}`} />
          </li>
        ))}
      </ol>
      <AddStepMenu title={title} onAdd={add} />
    </div>
  );
}

function StepEditor({ ctx, step, path, index, count, title }) {
  const edit = (fn, key) => ctx.edit((a) => fn(listAt(a, path)[index]), key);
  const move = (delta) => ctx.edit((a) => {
    const list = listAt(a, path);
    const [moved] = list.splice(index, 1);
    list.splice(index + delta, 0, moved);
  });
  const remove = () => ctx.edit((a) => { listAt(a, path).splice(index, 1); });
  const heading = `${capitalize(title)}: ${stepTypeLabel(step.type)}`;
  return (
    <fieldset class="step" aria-label={heading}>
      <legend>{heading}</legend>
      <div class="step-tools">
        <button type="button" aria-label={`Move ${title} up`} disabled={index === 0} onClick={() => move(-1)}>Up</button>
        <button type="button" aria-label={`Move ${title} down`} disabled={index === count - 1}
          onClick={() => move(1)}>Down</button>
        <button type="button" class="danger" aria-label={`Delete ${title}`} onClick={remove}>Delete</button>
      </div>
      <StepFields ctx={ctx} step={step} edit={edit} title={title} />
      {branchesOf(step).map(([field, words]) => {
        const steps = step[field] || [];
        const list = (
          <StepList ctx={ctx} steps={steps} path={[...path, [index, field]]} title={`${title} ${words}`}
            prefix={`${title} ${words}`} />
        );
        // a data action's success/failure branches are optional: folded while empty
        if (step.type === 'executeDataAction') {
          return (
            <details key={field} class="branch" open={steps.length > 0}>
              <summary>{capitalize(words)} ({steps.length} step{steps.length === 1 ? '' : 's'})</summary>
              <div role="group" aria-label={`${capitalize(title)} ${words}`}>{list}</div>
            </details>
          );
        }
        return (
          <fieldset key={field} class="branch" aria-label={`${capitalize(title)} ${words}`}>
            <legend>{capitalize(words)}</legend>
            {list}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
