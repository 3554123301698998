import { hasRole } from '../../api.js';
import { TableList } from './TableList.jsx';
import { NewTable } from './SchemaEditor.jsx';
import { TableDetail } from './TableDetail.jsx';
import './tables.css';

// Data tables: '' lists them, 'new' creates one, '<id>' shows its schema and rows.
export function DataTablesAdmin({ path }) {
  if (!hasRole('admin')) {
    return <main class="admin"><p class="error" role="alert">Data tables need the admin role.</p></main>;
  }
  const id = decodeURIComponent((path || '').split('/')[0]);
  return (
    <main class="admin tables">
      {!id ? <TableList /> : id === 'new' ? <NewTable /> : <TableDetail key={id} tableId={id} />}
    </main>
  );
}
