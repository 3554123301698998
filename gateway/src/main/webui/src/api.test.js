// api(): the one way the web app calls the gateway. Run with `node --test` (fetch and sessionStorage are faked).
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';

const stored = new Map([['rapport.token', 'tok-1']]);
globalThis.sessionStorage = {
  getItem: (k) => (stored.has(k) ? stored.get(k) : null),
  setItem: (k, v) => stored.set(k, String(v)),
  removeItem: (k) => stored.delete(k),
};

let calls = [];
let answers = [];
globalThis.fetch = async (path, init) => {
  calls.push({ path, ...init });
  const next = answers.shift();
  if (!next) throw new TypeError('Failed to fetch');
  return next;
};
function answer(status, body, headers = {}) {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  answers.push(new Response(status === 204 ? null : text, { status, headers }));
}

const {
  api, ApiError, token, me, signedOutBecause, signIn, revisionTag,
  startProviderSignIn, finishProviderSignIn, loadMeOrSignOut, NO_ROLE, PROVIDER_FAILED,
} = await import('./api.js');

beforeEach(() => {
  calls = [];
  answers = [];
  token.value = 'tok-1';
  stored.set('rapport.token', 'tok-1');
  signedOutBecause.value = null;
});

test('a GET sends the bearer token and answers the JSON', async () => {
  answer(200, { entities: [{ id: 'a' }] });
  const body = await api('/api/v2/scripts');
  assert.deepEqual(body, { entities: [{ id: 'a' }] });
  assert.equal(calls[0].path, '/api/v2/scripts');
  assert.equal(calls[0].method, 'GET');
  assert.equal(calls[0].headers.Authorization, 'Bearer tok-1');
  assert.equal(calls[0].body, undefined);
  assert.equal(calls[0].headers['Content-Type'], undefined);
});

test('a body is sent as JSON with its content type', async () => {
  answer(201, { id: 'new' });
  await api('/api/v2/integrations', { method: 'POST', body: { name: 'Web', n: 1 } });
  assert.equal(calls[0].method, 'POST');
  assert.equal(calls[0].headers['Content-Type'], 'application/json');
  assert.equal(calls[0].body, '{"name":"Web","n":1}');
});

test('a file goes as it is, with the content type the caller names', async () => {
  answer(200, {});
  const file = new Blob(['ANI,Name\n1,A\n']);
  await api('/upload/1', { method: 'PUT', body: file, headers: { 'Content-Type': 'text/csv' } });
  assert.equal(calls[0].body, file);
  assert.equal(calls[0].headers['Content-Type'], 'text/csv');
});

test('If-Match is sent when given, left out when undefined', async () => {
  answer(200, { draftRevision: 4 });
  await api('/api/v2/scripts/s1', { method: 'PUT', body: {}, headers: { 'If-Match': revisionTag(3) } });
  assert.equal(calls[0].headers['If-Match'], '"3"');
  answer(200, { draftRevision: 1 });
  await api('/api/v2/scripts/s1', { method: 'PUT', body: {}, headers: { 'If-Match': revisionTag(null) } });
  assert.ok(!('If-Match' in calls[1].headers));
  answer(204);
  await api('/rows/1', { method: 'DELETE', headers: { 'If-Match': '"7"' } });
  assert.equal(calls[2].headers['If-Match'], '"7"');
});

test('an error answer throws ApiError with the Genesys body\'s message, status and details', async () => {
  const body = { message: 'The row 1234 does not exist', code: 'not.found', status: 404, details: [{ message: 'x' }] };
  answer(404, body);
  const err = await api('/rows/1234').catch((e) => e);
  assert.ok(err instanceof ApiError);
  assert.equal(err.message, 'The row 1234 does not exist');
  assert.equal(err.status, 404);
  assert.deepEqual(err.body, body);
  assert.equal(token.value, 'tok-1', 'a 404 keeps the user signed in');
});

test('an error answer without a JSON body says its status', async () => {
  answer(502, '<html>Bad gateway</html>');
  const err = await api('/x').catch((e) => e);
  assert.equal(err.message, 'HTTP 502');
  assert.equal(err.body, null);
});

test('a 401 signs the user out, says why, and throws', async () => {
  me.value = { name: 'Alex' };
  answer(401, { message: 'Token expired', code: 'unauthorized', status: 401 });
  const err = await api('/api/v2/flows/datatables').catch((e) => e);
  assert.equal(err.status, 401);
  assert.equal(token.value, null);
  assert.equal(me.value, null);
  assert.equal(stored.has('rapport.token'), false);
  assert.equal(signedOutBecause.value, 'Your session has ended; sign in again.');
});

test('unauthorized: throw leaves the user signed in', async () => {
  answer(401, null);
  const err = await api('/x', { unauthorized: 'throw' }).catch((e) => e);
  assert.equal(err.status, 401);
  assert.equal(token.value, 'tok-1');
});

test('json+etag answers the body with the ETag; 204 has a null body', async () => {
  answer(200, { key: '1', CaseStatus: 'Open' }, { ETag: '"3"' });
  assert.deepEqual(await api('/rows/1', { read: 'json+etag' }), { body: { key: '1', CaseStatus: 'Open' }, etag: '"3"' });
  answer(204, undefined, { ETag: '"4"' });
  assert.deepEqual(await api('/rows/1', { method: 'DELETE', read: 'json+etag' }), { body: null, etag: '"4"' });
});

test('blob answers the body as a Blob', async () => {
  answer(200, 'ANI,Name\n');
  const blob = await api('/export.csv', { read: 'blob' });
  assert.equal(await blob.text(), 'ANI,Name\n');
});

test('a network failure is not an ApiError (no status), so callers can tell it apart', async () => {
  const err = await api('/x').catch((e) => e);
  assert.ok(!(err instanceof ApiError));
  assert.equal(err.status, undefined);
});

test('sign-in posts the form without a token; a refusal reads "Wrong user name or password"', async () => {
  token.value = null;
  answer(401, { error: 'invalid_grant' });
  const err = await signIn('alex', 'nope').catch((e) => e);
  assert.equal(err.message, 'Wrong user name or password');
  assert.equal(calls[0].path, '/oauth/token');
  assert.equal(calls[0].headers.Authorization, undefined);
  assert.ok(calls[0].body instanceof URLSearchParams);
  assert.equal(calls[0].body.get('username'), 'alex');

  answer(200, { access_token: 'tok-2' });
  answer(200, { name: 'Alex', roles: ['agent'] });
  await signIn('alex', 'right');
  assert.equal(token.value, 'tok-2');
  assert.equal(stored.get('rapport.token'), 'tok-2');
  assert.equal(calls[2].headers.Authorization, 'Bearer tok-2');
  assert.deepEqual(me.value, { name: 'Alex', roles: ['agent'] });
});

test('sign-in with the provider leaves for the gateway and remembers where to come back', () => {
  const went = [];
  globalThis.location = { assign: (to) => went.push(to) };
  startProviderSignIn('#/admin/tables');
  assert.deepEqual(went, ['/oauth/oidc/login']);
  assert.equal(stored.get('rapport.after-sign-in'), '#/admin/tables');
  startProviderSignIn('#/sign-in-failed');
  assert.equal(stored.get('rapport.after-sign-in'), '#/', 'never back to a sign-in route');
});

test('back from the provider, the token is taken once without a bearer token and kept', async () => {
  token.value = null;
  stored.set('rapport.after-sign-in', '#/admin/tables');
  answer(200, { access_token: 'provider-token', token_type: 'bearer', expires_in: 600 });
  const back = await finishProviderSignIn();
  assert.equal(back, '#/admin/tables');
  assert.equal(calls[0].path, '/oauth/oidc/session');
  assert.equal(calls[0].method, 'POST');
  assert.equal(calls[0].headers.Authorization, undefined);
  assert.equal(token.value, 'provider-token');
  assert.equal(stored.get('rapport.token'), 'provider-token');
  assert.equal(stored.has('rapport.after-sign-in'), false);
});

test('no token to take (a refused or replayed sign-in) signs out and says so', async () => {
  token.value = null;
  answer(404, { error: 'not_found' });
  assert.equal(await finishProviderSignIn(), '#/');
  assert.equal(token.value, null);
  assert.equal(signedOutBecause.value, PROVIDER_FAILED);
});

test('a token without any of Rapport\'s roles (403 on users/me) signs out with the reason', async () => {
  answer(403, { message: 'Forbidden', status: 403 });
  await loadMeOrSignOut();
  assert.equal(token.value, null);
  assert.equal(stored.has('rapport.token'), false);
  assert.equal(signedOutBecause.value, NO_ROLE);
});
