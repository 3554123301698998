// Between Genesys's JSON Schema document of a table and the plain list of columns the screens edit.

export const TYPES = ['string', 'integer', 'number', 'boolean'];

/** {keyLabel, columns: [{name, title, type, default}]} in display order. */
export function columnsOf(schema) {
  const properties = (schema && schema.properties) || {};
  const columns = Object.entries(properties)
    .filter(([name]) => name !== 'key')
    .map(([name, p]) => ({
      name,
      title: p.title || name,
      type: p.type || 'string',
      default: p.default,
      order: p.displayOrder ?? 0,
    }))
    .sort((a, b) => a.order - b.order);
  return { keyLabel: (properties.key && properties.key.title) || 'key', columns };
}

/** The schema document for a key label and columns; column defaults are already typed (see parseDefault). */
export function schemaOf(name, keyLabel, columns) {
  const properties = { key: { title: keyLabel, type: 'string', $id: '/properties/key', displayOrder: 0 } };
  columns.forEach((c, i) => {
    const p = { title: c.title || c.name, type: c.type, $id: `/properties/${c.name}`, displayOrder: i + 1 };
    if (c.default !== undefined && c.default !== null) p.default = c.default;
    properties[c.name] = p;
  });
  return {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: name,
    type: 'object',
    required: ['key'],
    properties,
    additionalProperties: false,
  };
}

/**
 * A value typed in a text box, read as the column's type. '' means none. Throws an Error saying what is wrong, so a
 * bad number is refused here, where the user typed it.
 */
export function parseValue(type, text, what) {
  const raw = String(text ?? '');
  if (type === 'string') return raw;
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  if (type === 'boolean') {
    if (/^true$/i.test(trimmed)) return true;
    if (/^false$/i.test(trimmed)) return false;
    throw new Error(`${what} is true or false, not "${raw}"`);
  }
  const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed) ? Number(trimmed) : NaN;
  if (type === 'integer' && !Number.isInteger(n)) throw new Error(`${what} must be a whole number, not "${raw}"`);
  if (!Number.isFinite(n)) throw new Error(`${what} must be a number, not "${raw}"`);
  return n;
}

/** What is wrong with a typed value (parseValue's message), or null when it reads as its column's type. */
export function valueProblem(type, text, what) {
  try {
    parseValue(type, text, what);
    return null;
  } catch (e) {
    return e.message;
  }
}

/** How a value shows in a cell or a text box. */
export function showValue(value) {
  if (value === undefined || value === null) return '';
  return String(value);
}

/** A name usable as a field: what the service refuses, said before sending. */
export function nameProblem(name, taken) {
  if (!name.trim()) return 'A column needs a name';
  if (/[/\\]/.test(name)) return 'A column name cannot contain / or \\';
  if (name.toLowerCase() === 'key') return '"key" is the row key; choose another name';
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase())) return `There is already a column named ${name}`;
  return null;
}
