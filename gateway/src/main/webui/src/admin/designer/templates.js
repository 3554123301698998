// {{Variable}} references in interpolated text: splitting, preview values, the picker's open reference.

/**
 * Splits text into plain parts and {{references}} ([{text}|{ref, name}]) so the canvas can show unresolved
 * variables apart, or their preview values.
 */
export function splitTemplate(text) {
  const parts = [];
  const re = /\{\{([^{}]+)\}\}/g;
  let last = 0;
  let m;
  const s = String(text ?? '');
  while ((m = re.exec(s))) {
    if (m.index > last) parts.push({ text: s.slice(last, m.index) });
    parts.push({ ref: m[0], name: m[1] });
    last = m.index + m[0].length;
  }
  if (last < s.length) parts.push({ text: s.slice(last) });
  return parts;
}

/** Text with each {{Name}} that has a value in `values` replaced by it; others stay as written. */
export function resolvePreview(text, values) {
  return splitTemplate(text).map((p) => (p.ref && values && values[p.name] != null ? String(values[p.name]) : p.text ?? p.ref)).join('');
}

/**
 * When the caret (at `caret`) follows an open "{{" not yet closed, where it starts and what was typed after it:
 * {start, query}; else null. Used to open the variable picker.
 */
export function openReference(text, caret) {
  const before = String(text).slice(0, caret);
  const open = before.lastIndexOf('{{');
  if (open < 0) return null;
  const query = before.slice(open + 2);
  if (/[{}\n]/.test(query)) return null;
  return { start: open, query };
}

/** Inserts {{name}} in place of the open reference at [start, caret); returns {text, caret}. */
export function insertReference(text, start, caret, name) {
  const s = String(text);
  let end = caret;
  if (s.slice(end, end + 2) === '}}') end += 2; // the user had typed the closing braces already
  const ref = `{{${name}}}`;
  return { text: s.slice(0, start) + ref + s.slice(end), caret: start + ref.length };
}

/** Names matching a query: case-insensitive, those starting with it first. */
export function matchVariables(names, query) {
  const q = String(query || '').trim().toLowerCase();
  const hits = names.filter((n) => n.toLowerCase().includes(q));
  return hits.sort((a, b) => Number(!a.toLowerCase().startsWith(q)) - Number(!b.toLowerCase().startsWith(q)));
}

