// A choice of one of the script's variables; a name the script no longer has stays shown as missing.
export function VariableSelect({ label, value, names, onChange }) {
  const known = names.includes(value);
  return (
    <label class="field">
      <span class="label">{label}</span>
      <select value={value || ''} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Choose a variable…</option>
        {names.map((n) => <option key={n} value={n}>{n}</option>)}
        {value && !known && <option value={value}>{value} (missing)</option>}
      </select>
    </label>
  );
}
