// Collapsible JSON: objects and arrays are <details> (open to `openDepth`), leaves are plain text (escaped by Preact).
export function JsonView({ value, label, openDepth = 2 }) {
  return <div class="json-view">{label && <span class="muted">{label} </span>}<Node value={value} depth={0} openDepth={openDepth} /></div>;
}

function Node({ value, depth, openDepth, name }) {
  const key = name !== undefined ? <span class="json-key">{name}: </span> : null;
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const summary = Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`;
    if (entries.length === 0) {
      return <div>{key}<span class="muted">{Array.isArray(value) ? '[]' : '{}'}</span></div>;
    }
    return (
      <details open={depth < openDepth}>
        <summary>{key}<span class="muted">{summary}</span></summary>
        <div class="json-children">
          {entries.map(([k, v]) => <Node key={k} name={k} value={v} depth={depth + 1} openDepth={openDepth} />)}
        </div>
      </details>
    );
  }
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return <div>{key}<span class={`json-${value === null ? 'null' : typeof value}`}>{text}</span></div>;
}

/** Parses a JSON textarea's text: {value} or {error} with a message that says where. */
export function parseJson(text, what, { object = true } = {}) {
  try {
    const value = JSON.parse(text);
    if (object && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      return { error: `${what} must be a JSON object ({...})` };
    }
    return { value };
  } catch (err) {
    return { error: `${what} is not valid JSON: ${err.message}` };
  }
}

export function pretty(value) {
  return JSON.stringify(value ?? {}, null, 2);
}
