import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { BASE, describe } from './tableApi.js';
import { Pager } from './Pager.jsx';

const PAGE_SIZE = 25;

/** Without a '*' the text is looked for anywhere in the name; with one, it is the pattern itself. */
function namePattern(text) {
  const t = text.trim();
  if (!t) return null;
  return t.includes('*') ? t : `*${t}*`;
}

export function TableList() {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState({ name: null, pageNumber: 1 });
  const [listing, setListing] = useState(null);
  const [error, setError] = useState(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    const params = new URLSearchParams({ pageNumber: query.pageNumber, pageSize: PAGE_SIZE, sortBy: 'name' });
    if (query.name) params.set('name', query.name);
    setLoading(true);
    api(`${BASE}?${params}`)
      .then((l) => { if (live) { setListing(l); setError(null); } })
      .catch((e) => { if (live) setError(describe(e)); })
      .finally(() => { if (live) setLoading(false); });
    return () => { live = false; };
  }, [query]);

  const submit = (e) => {
    e.preventDefault();
    setQuery({ name: namePattern(search), pageNumber: 1 });
  };
  const tables = (listing && listing.entities) || [];
  return (
    <section aria-labelledby="tables-title">
      <div class="tables-head">
        <h2 id="tables-title">Data tables</h2>
        <a class="button" href="#/admin/tables/new">New table</a>
      </div>
      <form class="inline search" role="search" onSubmit={submit}>
        <label class="field">
          <span class="label">Search by name (* is a wildcard)</span>
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      <p class="muted" role="status">{loading ? 'Loading…' : listing ? `${listing.total} table(s)` : ''}</p>
      {tables.length > 0 && (
        <table class="list">
          <caption class="visually-hidden">Data tables</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Description</th></tr></thead>
          <tbody>
            {tables.map((t) => (
              <tr key={t.id}>
                <td><a href={`#/admin/tables/${encodeURIComponent(t.id)}`}>{t.name}</a></td>
                <td>{t.description || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {listing && listing.total === 0 && (
        <p>{query.name ? `No table matches ${query.name}.` : 'No data tables yet.'}</p>
      )}
      {listing && listing.pageCount > 1 && (
        <Pager label="Pages of tables" pageNumber={listing.pageNumber} pageCount={listing.pageCount}
          total={listing.total} onPage={(n) => setQuery({ ...query, pageNumber: n })} />
      )}
    </section>
  );
}
