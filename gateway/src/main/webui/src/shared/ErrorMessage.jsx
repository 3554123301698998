/** An API error as a sentence, with Genesys's details when there are some. */
export function ErrorMessage({ error }) {
  if (!error) return null;
  const details = (error.body && error.body.details) || [];
  return (
    <div class="error" role="alert">
      <p>{error.message}</p>
      {details.length > 0 && (
        <ul>{details.map((d, i) => <li key={i}>{detailText(d)}</li>)}</ul>
      )}
    </div>
  );
}

function detailText(d) {
  const message = d.message || d.errorCode || '';
  return d.fieldName && !message.startsWith(d.fieldName) ? `${d.fieldName}: ${message}` : message;
}
