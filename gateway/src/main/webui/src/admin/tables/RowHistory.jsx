import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { describe, rowPath } from './tableApi.js';
import { showValue } from './schema.js';
import { Pager } from './Pager.jsx';

/** What changed in one history entry: every field whose value differs, old → new. */
function changesOf(entry, order) {
  const before = entry.oldValues || {};
  const after = entry.newValues || {};
  // In the table's column order; a field since removed from the schema goes last.
  const rank = (n) => (order.includes(n) ? order.indexOf(n) : order.length);
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => rank(a) - rank(b));
  return names
    .filter((n) => JSON.stringify(before[n]) !== JSON.stringify(after[n]))
    .map((n) => ({ name: n, from: n in before ? showValue(before[n]) : null, to: n in after ? showValue(after[n]) : null }));
}

function shown(value) {
  if (value === null) return '(none)';
  return value === '' ? '(blank)' : value;
}

/** A row's history, newest first: who, when, what, and each value's old -> new. */
export function RowHistory({ tableId, rowKey, keyLabel, columns, onClose }) {
  const order = columns.map((c) => c.name);
  const [pageNumber, setPageNumber] = useState(1);
  const [listing, setListing] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    let live = true;
    api(`${rowPath(tableId, rowKey)}/history?pageNumber=${pageNumber}&pageSize=25`)
      .then((l) => { if (live) { setListing(l); setError(null); } })
      .catch((e) => { if (live) setError(describe(e)); });
    return () => { live = false; };
  }, [tableId, rowKey, pageNumber]);
  return (
    <section class="history" aria-labelledby="history-title">
      <div class="tables-head">
        <h4 id="history-title">History of {keyLabel} {rowKey}</h4>
        <button type="button" class="link" onClick={onClose}>Close history</button>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {listing && listing.entities.length === 0 && <p>No changes recorded.</p>}
      {listing && listing.entities.length > 0 && (
        <table class="list">
          <thead>
            <tr><th scope="col">Version</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th>
              <th scope="col">Changes</th></tr>
          </thead>
          <tbody>
            {listing.entities.map((h) => (
              <tr key={h.version}>
                <td>{h.version}</td>
                <td><time dateTime={h.changedAt}>{new Date(h.changedAt).toLocaleString()}</time></td>
                <td>{h.changedBy || 'unknown'}</td>
                <td>{h.operation}{h.source && h.source !== 'api' ? ` (${h.source})` : ''}</td>
                <td>
                  <ul class="changes">
                    {changesOf(h, order).map((c) => (
                      <li key={c.name}>
                        <strong>{c.name}</strong>:{' '}
                        {h.operation === 'updated' ? (
                          <><span class="old">{shown(c.from)}</span> → <span class="new">{shown(c.to)}</span></>
                        ) : shown(c.to ?? c.from)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listing && listing.pageCount > 1 && (
        <Pager label="Pages of history" pageNumber={listing.pageNumber} pageCount={listing.pageCount}
          total={listing.total} onPage={setPageNumber} />
      )}
    </section>
  );
}
