// Every component type of the script model: drag one onto the canvas, or click it to add it at the selection
// (into the selected container, after the selected component, or at the end of the page).
import { COMPONENT_TYPES } from './model.js';
import { Sr } from './Sr.jsx';
import { NEW_TYPE, useDesignerSession } from './session.js';

const GROUPS = [
  ['Layout', (t) => t.container],
  ['Content', (t) => !t.container && !t.input],
  ['Inputs', (t) => t.input],
];

export function Palette({ onAdd, target }) {
  const { dragging } = useDesignerSession();
  return (
    <div class="d-palette">
      <p class="muted d-hint">Click to add {target}, or drag onto the canvas.</p>
      {GROUPS.map(([title, test]) => (
        <section key={title} aria-label={title}>
          <h3>{title}</h3>
          <ul>
            {COMPONENT_TYPES.filter(test).map((t) => (
              <li key={t.type}>
                <button type="button" class="d-palette-item" draggable
                  onClick={() => onAdd(t.type)}
                  onDragStart={(e) => {
                    dragging.value = { type: t.type, id: null };
                    e.dataTransfer.setData(NEW_TYPE, t.type);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onDragEnd={() => { dragging.value = { type: null, id: null }; }}>
                  <Sr>Add </Sr>{t.label}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
