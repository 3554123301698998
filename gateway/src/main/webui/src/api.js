// Talks to the gateway. The token lives in sessionStorage: gone when the tab closes, not shared across tabs.
import { signal } from '@preact/signals';

const TOKEN_KEY = 'rapport.token';

export const token = signal(sessionStorage.getItem(TOKEN_KEY));
export const me = signal(null);
// Why the user was signed out, shown on the sign-in form (e.g. the token expired).
export const signedOutBecause = signal(null);

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export async function signIn(username, password) {
  const form = new URLSearchParams({ grant_type: 'password', username, password });
  const response = await fetch('/oauth/token', { method: 'POST', body: form });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, { message: 'Wrong user name or password' });
  }
  signedOutBecause.value = null;
  sessionStorage.setItem(TOKEN_KEY, body.access_token);
  token.value = body.access_token;
  await loadMe();
}

export function signOut(reason = null) {
  signedOutBecause.value = reason;
  sessionStorage.removeItem(TOKEN_KEY);
  token.value = null;
  me.value = null;
}

export async function loadMe() {
  me.value = await api('GET', '/api/v2/users/me');
}

export async function api(method, path, body) {
  const headers = { Authorization: `Bearer ${token.value}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const parsed = await response.json().catch(() => null);
  if (response.status === 401) {
    signOut('Your session has ended; sign in again.');
  }
  if (!response.ok) {
    throw new ApiError(response.status, parsed);
  }
  return parsed;
}

export function hasRole(role) {
  return !!me.value && (me.value.roles || []).includes(role);
}
