// The data tables API's paths, and how its errors read on the data tables screens.

export const BASE = '/api/v2/flows/datatables';

export function tablePath(tableId) {
  return `${BASE}/${encodeURIComponent(tableId)}`;
}

export function rowPath(tableId, key) {
  return `${tablePath(tableId)}/rows/${encodeURIComponent(key)}`;
}

/** The path part of an absolute URI the service answered: calls go to this origin (the gateway or Vite's proxy). */
export function pathOf(uri) {
  const url = new URL(uri, location.href);
  return url.pathname + url.search;
}

/** An error for the user: the API's message, and each field's problem when it names one. */
export function describe(error) {
  const details = (error && error.body && error.body.details) || [];
  const parts = details.map((d) => d.message).filter((m) => m && m !== error.message);
  return [error.message, ...parts].join(' — ');
}
