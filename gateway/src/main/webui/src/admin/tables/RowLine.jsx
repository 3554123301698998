// One row of the grid: its key, a button per cell that opens the cell's editor in place, History and Delete.
import { useEffect, useRef } from 'preact/hooks';
import { showValue } from './schema.js';
import { TypedInput } from './TypedInput.jsx';

export function RowLine({ where, row, columns, editing, onEdit, onChange, onSave, onCancel, onHistory, onDelete }) {
  const mine = editing && editing.where === where && editing.key === row.key ? editing : null;
  return (
    <tr>
      <th scope="row">{row.key}</th>
      {columns.map((c) => (
        <td key={c.name}>
          {mine && mine.field === c.name ? (
            <CellEditor edit={mine} onChange={onChange} onSave={onSave} onCancel={onCancel} />
          ) : (
            <button type="button" class="cell" onClick={() => onEdit(where, row.key, c)}
              aria-label={`Edit ${c.title} of ${row.key}${showValue(row[c.name]) ? `: ${showValue(row[c.name])}` : ''}`}>
              {showValue(row[c.name]) || <span class="muted" aria-hidden="true">—</span>}
            </button>
          )}
        </td>
      ))}
      <td class="actions">
        <button type="button" class="link" aria-label={`History of ${row.key}`} onClick={() => onHistory(row.key)}>History</button>
        <button type="button" class="link danger" aria-label={`Delete row ${row.key}`} onClick={() => onDelete(row.key)}>Delete</button>
      </td>
    </tr>
  );
}

function CellEditor({ edit, onChange, onSave, onCancel }) {
  const input = useRef(null);
  useEffect(() => { if (input.current) input.current.focus(); }, []);
  const label = `${edit.title} of ${edit.key}`;
  const keys = (e) => {
    if (e.key === 'Enter') { e.preventDefault(); onSave(); }
    if (e.key === 'Escape') { e.preventDefault(); onCancel(); }
  };
  return (
    <div class="cell-editor">
      {edit.type === 'boolean' ? (
        <select ref={input} aria-label={label} value={edit.text} onChange={(e) => onChange(e.currentTarget.value)} onKeyDown={keys}>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <TypedInput inputRef={input} aria-label={label} type={edit.type} value={edit.text} what={edit.title}
          onValue={onChange} onKeyDown={keys} />
      )}
      <button type="button" onClick={onSave}>Save</button>
      <button type="button" class="link" onClick={onCancel}>Cancel</button>
    </div>
  );
}
