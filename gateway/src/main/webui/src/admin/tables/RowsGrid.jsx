import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { describe, rowPath, tablePath } from './tableApi.js';
import { parseValue, showValue } from './schema.js';
import { Pager } from './Pager.jsx';
import { RowForm } from './RowForm.jsx';
import { RowHistory } from './RowHistory.jsx';
import { RowLine } from './RowLine.jsx';

const PAGE_SIZES = [25, 50, 100, 500];

/**
 * The rows, a page at a time from the service (a table may hold a million), a key found directly, cells edited in
 * place. An edit first reads the row and its version (ETag) and sends it back as If-Match, so a change made by
 * someone else meanwhile is refused (412) and shown, never overwritten and never lost.
 */
export function RowsGrid({ tableId, keyLabel, columns, refresh }) {
  const [paging, setPaging] = useState({ pageNumber: 1, pageSize: 25 });
  const [reloads, setReloads] = useState(0);
  const [listing, setListing] = useState(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState(null);
  const [status, setStatus] = useState(null);
  const [editing, setEditing] = useState(null);
  const [findText, setFindText] = useState('');
  const [found, setFound] = useState(null);
  const [historyKey, setHistoryKey] = useState(null);
  const [deleting, setDeleting] = useState(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    let live = true;
    const params = new URLSearchParams({ ...paging, showbrief: 'false' });
    setLoading(true);
    api(`${tablePath(tableId)}/rows?${params}`)
      .then((l) => {
        if (!live) return;
        // Past the last page (rows were deleted meanwhile): go to the new last page.
        if (l.entities.length === 0 && l.pageNumber > 1 && l.pageCount < l.pageNumber) {
          setPaging((p) => ({ ...p, pageNumber: Math.max(1, l.pageCount) }));
          return;
        }
        setListing(l);
      })
      .catch((e) => { if (live) setError(describe(e)); })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [tableId, paging, refresh, reloads]);

  const reload = () => setReloads((n) => n + 1);
  const dirtyEdit = editing && editing.text !== editing.original;
  const blockedByEdit = () => {
    if (!dirtyEdit) return false;
    setError(`Save or cancel your edit of ${editing.title} of row ${editing.key} first.`);
    return true;
  };
  const replaceRow = (key, row) => {
    setListing((l) => l && { ...l, entities: l.entities.map((r) => (r.key === key ? row : r)) });
    setFound((f) => (f && f.key === key ? { key, row } : f));
  };
  const readRow = async (key) => {
    const answer = await api(`${rowPath(tableId, key)}?showbrief=false`, { read: 'json+etag' });
    replaceRow(key, answer.body);
    return answer;
  };
  const gone = (key) => {
    setError(`Row ${key} no longer exists: someone else deleted it.`);
    setFound((f) => (f && f.key === key ? { key, missing: true } : f));
    reload();
  };

  const startEdit = async (where, key, column) => {
    if (blockedByEdit()) return;
    setError(null);
    setStatus(null);
    try {
      const { body, etag } = await readRow(key);
      const text = showValue(body[column.name]);
      setEditing({ where, key, field: column.name, title: column.title, type: column.type, text, original: text,
        etag, row: body });
    } catch (e) {
      if (e.status === 404) gone(key);
      else setError(describe(e));
    }
  };

  const saveEdit = async () => {
    const edit = editing;
    let value;
    try {
      value = parseValue(edit.type, edit.text, `${edit.title}`);
    } catch (e) {
      return; // the cell says what is wrong (and announced it): nothing but what was typed is ever saved
    }
    const { key: _key, ...fields } = edit.row;
    fields[edit.field] = value === undefined ? null : value;
    try {
      const row = await api(rowPath(tableId, edit.key), { method: 'PUT', body: fields, headers: { 'If-Match': edit.etag } });
      replaceRow(edit.key, row);
      setEditing(null);
      setStatus(`Saved ${edit.title} of row ${edit.key}.`);
    } catch (e) {
      if (e.status === 412) {
        // Someone else saved first: show their row, keep what this user typed, let them decide.
        try {
          const fresh = await readRow(edit.key);
          const theirs = showValue(fresh.body[edit.field]);
          setEditing({ ...edit, etag: fresh.etag, row: fresh.body, original: theirs, problem:
            `Row ${edit.key} was changed by someone else since you opened it; it has been reloaded (${edit.title} is now `
            + `"${theirs}"). Your value is still in the box: save again to replace theirs, or cancel.` });
        } catch (again) {
          if (again.status === 404) { setEditing(null); gone(edit.key); } else setEditing({ ...edit, problem: describe(again) });
        }
      } else if (e.status === 404) {
        setEditing(null);
        gone(edit.key);
        setError(`Row ${edit.key} was deleted by someone else; your value "${edit.text}" for ${edit.title} was not saved.`);
      } else {
        setEditing({ ...edit, problem: describe(e) });
      }
    }
  };

  const startDelete = async (key) => {
    if (blockedByEdit()) return;
    setError(null);
    try {
      const { etag } = await readRow(key);
      setDeleting({ key, etag });
    } catch (e) {
      if (e.status === 404) gone(key); else setError(describe(e));
    }
  };
  const confirmDelete = async () => {
    const { key, etag } = deleting;
    try {
      await api(rowPath(tableId, key), { method: 'DELETE', headers: { 'If-Match': etag } });
      setDeleting(null);
      setFound((f) => (f && f.key === key ? null : f));
      if (historyKey === key) setHistoryKey(null);
      setStatus(`Row ${key} deleted.`);
      reload();
    } catch (e) {
      setDeleting(null);
      if (e.status === 412) {
        await readRow(key).catch(() => null);
        setError(`Row ${key} was changed by someone else; it was not deleted. Look at it again, then delete it if you still want to.`);
      } else if (e.status === 404) gone(key);
      else setError(describe(e));
    }
  };

  const find = async (e) => {
    e.preventDefault();
    const key = findText.trim();
    setStatus(null);
    setError(null);
    if (!key) { setFound(null); return; }
    try {
      const row = await api(`${rowPath(tableId, key)}?showbrief=false`);
      setFound({ key, row });
    } catch (err) {
      if (err.status === 404) setFound({ key, missing: true });
      else setError(describe(err));
    }
  };

  const addRow = async (body) => {
    await api(`${tablePath(tableId)}/rows`, { method: 'POST', body });
    setStatus(`Row ${body.key} added.`);
    reload();
  };

  const goTo = (next) => {
    if (blockedByEdit()) return;
    setError(null);
    setPaging(next);
  };

  const line = (where, row) => (
    <RowLine key={`${where}:${row.key}`} where={where} row={row} columns={columns} editing={editing}
      onEdit={startEdit} onChange={(text) => setEditing({ ...editing, text })} onSave={saveEdit}
      onCancel={() => setEditing(null)} onHistory={(k) => setHistoryKey(k)} onDelete={startDelete} />
  );
  const head = (
    <thead>
      <tr>
        <th scope="col">{keyLabel}</th>
        {columns.map((c) => <th scope="col" key={c.name}>{c.title}</th>)}
        <th scope="col"><span class="visually-hidden">Row actions</span></th>
      </tr>
    </thead>
  );
  const rows = (listing && listing.entities) || [];
  return (
    <section class="rows" aria-labelledby="rows-title">
      <div class="tables-head">
        <h3 id="rows-title">Rows</h3>
        <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
          {adding ? 'Close new row' : 'New row'}
        </button>
      </div>
      {adding && <RowForm keyLabel={keyLabel} columns={columns} onAdd={addRow} />}

      <form class="inline search" role="search" aria-label="Find a row" onSubmit={find}>
        <label class="field">
          <span class="label">Find a row by {keyLabel}</span>
          <input type="search" value={findText} onInput={(e) => setFindText(e.currentTarget.value)} />
        </label>
        <button type="submit">Find</button>
      </form>
      {found && found.missing && <p role="status">No row has {keyLabel} {found.key}.</p>}
      {found && !found.missing && (
        <div class="found">
          <table class="list grid" aria-label={`Row ${found.key}`}>{head}<tbody>{line('found', found.row)}</tbody></table>
          <button type="button" class="link" onClick={() => setFound(null)}>Clear search</button>
        </div>
      )}

      {error && <p class="error" role="alert">{error}</p>}
      {editing && editing.problem && <p class="error" role="alert">{editing.problem}</p>}
      <p class="muted" role="status">{status || (loading ? 'Loading rows…' : '')}</p>

      {deleting && (
        <div class="confirm" role="alertdialog" aria-labelledby="delete-row-title">
          <h4 id="delete-row-title">Delete row {deleting.key}?</h4>
          <p>The row goes; its history is kept.</p>
          <button type="button" class="danger" onClick={confirmDelete}>Yes, delete {deleting.key}</button>
          <button type="button" class="link" onClick={() => setDeleting(null)}>Keep it</button>
        </div>
      )}

      {listing && rows.length === 0 && <p>No rows on this page.</p>}
      {rows.length > 0 && (
        <div class="grid-scroll">
          <table class="list grid" aria-label="Rows" aria-busy={loading}>{head}<tbody>{rows.map((r) => line('page', r))}</tbody></table>
        </div>
      )}
      {listing && (
        <div class="grid-foot">
          <Pager label="Pages of rows" pageNumber={listing.pageNumber} pageCount={listing.pageCount} total={listing.total}
            disabled={loading} onPage={(n) => goTo({ ...paging, pageNumber: n })} />
          <label class="inline">
            <span>Rows per page</span>
            <select value={paging.pageSize} onChange={(e) => goTo({ pageNumber: 1, pageSize: Number(e.currentTarget.value) })}>
              {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
        </div>
      )}
      {historyKey && (
        <RowHistory tableId={tableId} rowKey={historyKey} keyLabel={keyLabel} columns={columns} onClose={() => setHistoryKey(null)} />
      )}
    </section>
  );
}
