// The script's problems (GET /api/v2/scripts/{id}/validation, or the refusal of a publish), each a link to what it is
// about. Locations come in two forms: the validator's readable path ("pages/Start Page/text greeting/text",
// "customActions/Update Case/...", "variables/Age/expression") and JSON pointers ("/customActions/0/steps/0/...").
import './panels.css';

const COMPONENT_TYPES = new Set(['verticalContainer', 'horizontalContainer', 'text', 'webPage', 'textInput',
  'numberInput', 'dateInput', 'multiLineInput', 'checkbox', 'radioGroup', 'dropdown', 'button', 'link', 'image',
  'listView']);

/** The longest name of `names` that `rest` is, or starts with followed by "/". */
function longestPrefix(rest, names) {
  let best = null;
  for (const name of names) {
    if ((rest === name || rest.startsWith(`${name}/`)) && (!best || name.length > best.length)) best = name;
  }
  return best;
}

function fromPointer(where, script) {
  const segs = where.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const [top, index] = segs;
  if (top === 'variables') {
    const v = (script?.variables || [])[Number(index)];
    return v ? { kind: 'variable', name: v.name } : null;
  }
  if (top === 'customActions') {
    const a = (script?.customActions || [])[Number(index)];
    return a ? { kind: 'customAction', name: a.name } : null;
  }
  if (top === 'pages') {
    const page = (script?.pages || [])[Number(index)];
    if (!page) return null;
    // follow the pointer down the page; the deepest component passed is the one meant
    let node = page;
    let component = null;
    for (const seg of segs.slice(2)) {
      node = node == null ? undefined : node[Array.isArray(node) ? Number(seg) : seg];
      if (node && typeof node === 'object' && !Array.isArray(node) && node.type && node.id) component = node;
    }
    return component ? { kind: 'component', pageId: page.id, id: component.id } : { kind: 'page', id: page.id };
  }
  if (top === 'startPageId' && script?.startPageId) return { kind: 'page', id: script.startPageId };
  return null;
}

/** Maps a problem's location to what the designer can select, or null when it names nothing selectable. */
export function locate(where, script) {
  if (!where) return null;
  if (where.startsWith('/')) return fromPointer(where, script);
  const slash = where.indexOf('/');
  const top = slash < 0 ? where : where.slice(0, slash);
  const rest = slash < 0 ? '' : where.slice(slash + 1);
  if (top === 'variables' && rest) {
    const name = longestPrefix(rest, (script?.variables || []).map((v) => v.name)) || rest.split('/')[0];
    return { kind: 'variable', name };
  }
  if (top === 'customActions' && rest) {
    const name = longestPrefix(rest, (script?.customActions || []).map((a) => a.name)) || rest.split('/')[0];
    return { kind: 'customAction', name };
  }
  if (top === 'pages' && rest) {
    const pages = script?.pages || [];
    const byName = longestPrefix(rest, pages.map((p) => p.name));
    const page = byName != null ? pages.find((p) => p.name === byName)
      : pages.find((p) => rest === p.id || rest.startsWith(`${p.id}/`));
    const pageKey = byName ?? page?.id ?? rest.split('/')[0];
    const pageId = page ? page.id : pageKey;
    const after = rest.slice(pageKey.length + 1).split('/');
    let componentId = null;
    for (const seg of after) {
      const space = seg.indexOf(' ');
      if (space > 0 && COMPONENT_TYPES.has(seg.slice(0, space))) componentId = seg.slice(space + 1);
    }
    return componentId ? { kind: 'component', pageId, id: componentId } : { kind: 'page', id: pageId };
  }
  if (top === 'startPageId' && script?.startPageId) return { kind: 'page', id: script.startPageId };
  return null;
}

function describe(ref) {
  if (!ref) return 'Script';
  switch (ref.kind) {
    case 'component': return `Component ${ref.id}`;
    case 'page': return `Page ${ref.id}`;
    case 'variable': return `Variable ${ref.name}`;
    case 'customAction': return `Custom action ${ref.name}`;
    default: return 'Script';
  }
}

/** `script` is optional: with it, page names and pointer indexes resolve to ids and names. */
export function ProblemsPanel({ problems, onSelect, script }) {
  const list = problems || [];
  return (
    <section class="panel problems" aria-labelledby="problems-title">
      <h3 id="problems-title">Problems ({list.length})</h3>
      {list.length === 0 ? <p class="muted" role="status">No problems: the script can be published.</p> : (
        <>
          <p class="muted">Publishing is blocked until these are fixed. Choose one to go to it.</p>
          <ul aria-label="Problem list">
            {list.map((p, i) => {
              const ref = locate(p.where, script);
              const text = `${describe(ref)}: ${p.message}`;
              return (
                <li key={i} class="problem blocking">
                  {ref && onSelect ? (
                    <button type="button" onClick={() => onSelect(ref)} title={p.where}>{text}</button>
                  ) : <span title={p.where}>{text}</span>}
                  <span class="problem-code"> {p.code}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
