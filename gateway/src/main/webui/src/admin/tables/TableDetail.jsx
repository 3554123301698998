import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { describe, tablePath } from './tableApi.js';
import { columnsOf } from './schema.js';
import { SchemaEditor, draftOf } from './SchemaEditor.jsx';
import { RowsGrid } from './RowsGrid.jsx';
import { CsvImport } from './CsvImport.jsx';
import { CsvExport } from './CsvExport.jsx';
import { TableId } from './TableId.jsx';

/** An unsaved schema edit, kept in the tab; it applies only to the table as it was when the edit began. */
function storedDraft(key, base) {
  try {
    const stored = JSON.parse(sessionStorage.getItem(key) || 'null');
    return stored && stored.base === base ? stored.draft : null;
  } catch {
    return null;
  }
}

/** One table: its schema (shown, editable on demand), its rows, CSV import and export. */
export function TableDetail({ tableId }) {
  const [table, setTable] = useState(null);
  const [error, setError] = useState(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [schemaDirty, setSchemaDirty] = useState(false);
  const [rowsVersion, setRowsVersion] = useState(0);
  const [saved, setSaved] = useState(null);

  const load = () => api(`${tablePath(tableId)}?expand=schema`)
    .then((t) => { setTable(t); setError(null); })
    .catch((e) => setError(e.status === 404 ? `There is no data table ${tableId}.` : describe(e)));
  useEffect(() => { load(); }, [tableId]);

  if (!table) {
    return (
      <>
        <p><a href="#/admin/tables">All data tables</a></p>
        {error ? <p class="error" role="alert">{error}</p> : <p class="muted" role="status">Loading…</p>}
      </>
    );
  }
  const { keyLabel, columns } = columnsOf(table.schema);
  const draftKey = `rapport.tables.edit-draft.${tableId}`;
  const base = JSON.stringify([table.name, table.description || '', table.schema]);
  const restored = storedDraft(draftKey, base);
  const forgetDraft = () => sessionStorage.removeItem(draftKey);
  const saveSchema = async (body, removed) => {
    const query = removed.length ? `?removeFields=${encodeURIComponent(removed.join(','))}` : '';
    const updated = await api(`${tablePath(tableId)}${query}`, { method: 'PUT', body: { ...body, id: tableId } });
    forgetDraft();
    setTable(updated);
    setEditing(false);
    setSaved(removed.length ? `Schema saved; removed ${removed.join(', ')}.` : 'Schema saved.');
  };
  return (
    <>
      <p><a href="#/admin/tables">All data tables</a></p>
      <div class="tables-head">
        <h2>{table.name}</h2>
        {!editing && <button type="button" onClick={() => { setEditing(true); setSaved(null); }}>Edit schema</button>}
        {!editing && !deleting && <button type="button" class="link danger" onClick={() => setDeleting(true)}>Delete table</button>}
      </div>
      <TableId id={table.id} />
      {deleting && <DeleteTable table={table} onCancel={() => setDeleting(false)} />}
      {!editing && restored && (
        <p class="notice warning" role="status">
          <span>You have unsaved schema changes for this table.</span>
          <button type="button" class="link" onClick={() => setEditing(true)}>Continue editing</button>
        </p>
      )}
      {table.description && <p class="muted">{table.description}</p>}
      {saved && <p class="notice success" role="status">{saved}</p>}
      {editing ? (
        <div class="schema-panel">
          <SchemaEditor key={base} title="Edit schema" initial={restored || draftOf(table, columns, keyLabel)}
            pristine={draftOf(table, columns, keyLabel)} restored={!!restored} submitLabel="Save schema"
            onSave={saveSchema} onDirty={setSchemaDirty} onDiscard={forgetDraft}
            onDraft={(draft) => sessionStorage.setItem(draftKey, JSON.stringify({ base, draft }))} />
          <button type="button" class="link" onClick={() => { forgetDraft(); setEditing(false); setSchemaDirty(false); }}>
            {schemaDirty ? 'Discard schema changes' : 'Close schema editor'}
          </button>
        </div>
      ) : (
        <p class="schema-summary">
          <span>Key: <strong>{keyLabel}</strong></span>
          {columns.map((c) => (
            <span key={c.name}>{c.title}{c.title !== c.name ? ` (${c.name})` : ''}: <em>{c.type}</em></span>
          ))}
        </p>
      )}
      <RowsGrid key={JSON.stringify(table.schema)} tableId={tableId} keyLabel={keyLabel} columns={columns}
        refresh={rowsVersion} />
      <div class="transfer">
        <CsvImport tableId={tableId} keyLabel={keyLabel} columns={columns}
          onImported={() => setRowsVersion((v) => v + 1)} />
        <CsvExport tableId={tableId} tableName={table.name} />
      </div>
    </>
  );
}

/** Deleting a table takes its rows, their history and its jobs with it: asked once more, by name. */
function DeleteTable({ table, onCancel }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    try {
      await api(tablePath(table.id), { method: 'DELETE' });
      sessionStorage.removeItem(`rapport.tables.edit-draft.${table.id}`);
      location.hash = '#/admin/tables';
    } catch (e) {
      setError(describe(e));
      setBusy(false);
    }
  };
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="delete-table-title" aria-describedby="delete-table-text">
      <h3 id="delete-table-title">Delete the table {table.name}?</h3>
      <p id="delete-table-text">Every row, the rows' history and the table's import and export jobs go with it. This cannot
        be undone; export the table first to keep a copy.</p>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="button" class="danger" disabled={busy} onClick={remove}>Yes, delete {table.name}</button>
      <button type="button" class="link" onClick={onCancel}>Keep it</button>
    </div>
  );
}
