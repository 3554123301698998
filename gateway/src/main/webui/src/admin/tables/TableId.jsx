// A table's id, which a data action or a flow asks for, shown with a button that copies it.
import { useRef, useState } from 'preact/hooks';

export function TableId({ id }) {
  const [said, setSaid] = useState('');
  const text = useRef(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setSaid('Table id copied.');
    } catch {
      // No clipboard (an insecure origin, a refusal): select the id so that Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(text.current);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      setSaid('The id is selected: press Ctrl+C to copy it.');
    }
  };
  return (
    <p class="table-id">
      <span>Table id</span>
      <code ref={text}>{id}</code>
      <button type="button" class="link" onClick={copy}>Copy table id</button>
      <span class="muted" role="status">{said}</span>
    </p>
  );
}
