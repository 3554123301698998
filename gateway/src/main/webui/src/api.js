// Talks to the gateway. The token lives in sessionStorage: gone when the tab closes, not shared across tabs.
// Every call goes through api(), so that the token, a 401 and Genesys's error body are handled in one place.
import { signal } from '@preact/signals';

const TOKEN_KEY = 'rapport.token';
const SESSION_ENDED = 'Your session has ended; sign in again.';

export const token = signal(sessionStorage.getItem(TOKEN_KEY));
export const me = signal(null);
// Why the user was signed out, shown on the sign-in form (e.g. the token expired).
export const signedOutBecause = signal(null);

/** A refused call: status, and Genesys's error body (message, code, status, details) when the server sent one. */
export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** The If-Match value of a revision number ("3" quoted as an entity tag); none for null. */
export function revisionTag(revision) {
  return revision == null ? undefined : `"${revision}"`;
}

// Bodies fetch sends as they are (with their own or the caller's Content-Type); anything else is sent as JSON.
function isRaw(body) {
  return (typeof Blob !== 'undefined' && body instanceof Blob)
    || (typeof FormData !== 'undefined' && body instanceof FormData)
    || body instanceof URLSearchParams;
}

/**
 * Calls the gateway and answers the response's JSON (null when it has none).
 * options:
 *   method        'GET' unless given
 *   body          a value sent as JSON, or a Blob/File, FormData or URLSearchParams sent as it is
 *   headers       more headers, e.g. { 'If-Match': etag }; an undefined or null value is not sent
 *   auth          false: no bearer token (the token endpoint)
 *   unauthorized  'sign-out' (default): a 401 signs the user out, then throws; 'throw': it only throws
 *   read          'json' (default); 'json+etag': { body, etag } with the ETag header; 'blob': the body as a Blob
 * A response that is not 2xx throws ApiError, whose message is the error body's message.
 */
export async function api(path, {
  method = 'GET', body, headers = {}, auth = true, unauthorized = 'sign-out', read = 'json',
} = {}) {
  const sent = {};
  if (auth) sent.Authorization = `Bearer ${token.value}`;
  if (body !== undefined && !isRaw(body)) sent['Content-Type'] = 'application/json';
  for (const [name, value] of Object.entries(headers)) {
    if (value != null) sent[name] = value;
  }
  const payload = body === undefined || isRaw(body) ? body : JSON.stringify(body);
  const response = await fetch(path, { method, headers: sent, body: payload });
  if (response.status === 401 && unauthorized === 'sign-out') {
    signOut(SESSION_ENDED);
  }
  if (!response.ok) {
    throw new ApiError(response.status, await response.json().catch(() => null));
  }
  if (read === 'blob') {
    return response.blob();
  }
  const parsed = await response.json().catch(() => null);
  return read === 'json+etag' ? { body: parsed, etag: response.headers.get('ETag') } : parsed;
}

export async function signIn(username, password) {
  const form = new URLSearchParams({ grant_type: 'password', username, password });
  let body;
  try {
    body = await api('/oauth/token', { method: 'POST', body: form, auth: false, unauthorized: 'throw' });
  } catch (err) {
    throw err instanceof ApiError ? new ApiError(err.status, { message: 'Wrong user name or password' }) : err;
  }
  signedOutBecause.value = null;
  sessionStorage.setItem(TOKEN_KEY, body.access_token);
  token.value = body.access_token;
  await loadMe();
}

// Sign-in with the OpenID provider (docs/security.md): the gateway runs the authorization code flow with PKCE and
// checks state and nonce; the web app only leaves for /oauth/oidc/login and, back on #/signed-in, takes the provider's
// access token once from the gateway (an HttpOnly cookie it cannot read itself).
const RETURN_KEY = 'rapport.after-sign-in';
export const NO_ROLE = 'Your account has no role in Rapport; ask an administrator for one.';
export const PROVIDER_FAILED = 'Signing in with the identity provider did not complete; try again.';

/** Whether the gateway offers sign-in with a provider: { enabled, name }. */
export async function providerSignInOffer() {
  try {
    return await api('/oauth/oidc', { auth: false, unauthorized: 'throw' });
  } catch {
    return { enabled: false };
  }
}

/** Leaves for the provider's sign-in page; the route to come back to is kept for {@link finishProviderSignIn}. */
export function startProviderSignIn(currentHash) {
  const back = currentHash && !currentHash.startsWith('#/sign') ? currentHash : '#/';
  sessionStorage.setItem(RETURN_KEY, back);
  location.assign('/oauth/oidc/login');
}

/** Back from the provider: takes the access token the gateway holds for this browser; answers the route to go to. */
export async function finishProviderSignIn() {
  const back = sessionStorage.getItem(RETURN_KEY) || '#/';
  sessionStorage.removeItem(RETURN_KEY);
  let body;
  try {
    body = await api('/oauth/oidc/session', { method: 'POST', auth: false, unauthorized: 'throw' });
  } catch {
    signOut(PROVIDER_FAILED);
    return '#/';
  }
  signedOutBecause.value = null;
  sessionStorage.setItem(TOKEN_KEY, body.access_token);
  token.value = body.access_token;
  return back;
}

/** Who the token belongs to; a token without any of Rapport's roles (403) signs out and says why. */
export async function loadMeOrSignOut() {
  try {
    await loadMe();
  } catch (err) {
    signOut(err instanceof ApiError && err.status === 403 ? NO_ROLE : null);
  }
}

export function signOut(reason = null) {
  signedOutBecause.value = reason;
  sessionStorage.removeItem(TOKEN_KEY);
  token.value = null;
  me.value = null;
}

export async function loadMe() {
  me.value = await api('/api/v2/users/me');
}

export function hasRole(role) {
  return !!me.value && (me.value.roles || []).includes(role);
}
