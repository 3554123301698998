// What api() in src/api.js cannot do for the data tables screens: read the row's ETag, send If-Match, upload a CSV
// file and download one. Errors are the same ApiError (Genesys's error body), so screens show them alike.
import { ApiError, signOut, token } from '../../api.js';

export const BASE = '/api/v2/flows/datatables';

export function tablePath(tableId) {
  return `${BASE}/${encodeURIComponent(tableId)}`;
}

export function rowPath(tableId, key) {
  return `${tablePath(tableId)}/rows/${encodeURIComponent(key)}`;
}

async function send(method, path, { body, contentType, ifMatch } = {}) {
  const headers = { Authorization: `Bearer ${token.value}` };
  if (contentType) headers['Content-Type'] = contentType;
  if (ifMatch) headers['If-Match'] = ifMatch;
  const response = await fetch(path, { method, headers, body });
  if (response.status === 401) signOut();
  if (!response.ok) {
    const parsed = await response.json().catch(() => null);
    throw new ApiError(response.status, parsed);
  }
  return response;
}

/** A JSON call that also answers the ETag (the row's version, e.g. "3"). */
export async function jsonWithTag(method, path, body, ifMatch) {
  const response = await send(method, path, {
    body: body === undefined ? undefined : JSON.stringify(body),
    contentType: body === undefined ? undefined : 'application/json',
    ifMatch,
  });
  const parsed = response.status === 204 ? null : await response.json().catch(() => null);
  return { body: parsed, etag: response.headers.get('ETag') };
}

/** PUTs a file to an import job's upload path, with the bearer token as Rapport's upload URI needs. */
export async function upload(path, file) {
  const response = await send('PUT', path, { body: file, contentType: 'text/csv' });
  return response.json();
}

/** Fetches a CSV with the bearer token (a plain link would not carry it) and answers an object URL to save. */
export async function download(path) {
  const response = await send('GET', path);
  return URL.createObjectURL(await response.blob());
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
