import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrange, answeredBy, finished, owesWrapup, popAction } from './lifecycle.js';

const s = (id, state, updatedAt, extra = {}) => ({ interactionId: id, state, updatedAt, version: 1, ...extra });

test('active interactions keep the order they arrived in, whatever is updated later', () => {
  const sessions = { a: s('a', 'connected', '2026-01-01T10:05:00Z'), b: s('b', 'alerting', '2026-01-01T10:01:00Z'),
    c: s('c', 'connected', '2026-01-01T10:09:00Z') };
  const { active } = arrange(sessions, { b: 1, a: 2, c: 3 });
  assert.deepEqual(active.map((x) => x.interactionId), ['b', 'a', 'c']);
});

test('ended interactions go to Recent, last ended first, ten at most', () => {
  const sessions = {};
  for (let i = 0; i < 12; i++) {
    sessions[`e${i}`] = s(`e${i}`, 'ended', `2026-01-01T10:${String(i).padStart(2, '0')}:00Z`);
  }
  sessions.live = s('live', 'connected', '2026-01-01T09:00:00Z');
  const { active, recent } = arrange(sessions, {});
  assert.deepEqual(active.map((x) => x.interactionId), ['live']);
  assert.equal(recent.length, 10);
  assert.equal(recent[0].interactionId, 'e11');
  assert.equal(recent[9].interactionId, 'e2');
});

const mine = (id, extra = {}) => s(id, 'connected', 'x', { agent: { id: 'alex' }, script: { id: 's', name: 'S' }, ...extra });

test('only a connected session of this agent with a script pops', () => {
  assert.equal(answeredBy(mine('a'), 'alex'), true);
  assert.equal(answeredBy(mine('a'), 'blake'), false);
  assert.equal(answeredBy(mine('a', { state: 'alerting' }), 'alex'), false);
  assert.equal(answeredBy(mine('a', { script: null }), 'alex'), false);
  assert.equal(answeredBy(mine('a', { summary: true }), 'alex'), false);
});

test('a pop opens when nothing is open, is offered when another interaction is open, and happens once', () => {
  const open = { b: mine('b') };
  assert.equal(popAction(mine('a'), 'alex', null, {}, new Set()), 'open');
  assert.equal(popAction(mine('a'), 'alex', 'b', open, new Set()), 'offer');
  assert.equal(popAction(mine('a'), 'alex', 'b', { b: s('b', 'ended', 'x') }, new Set()), 'open');
  assert.equal(popAction(mine('a'), 'alex', null, {}, new Set(['a'])), 'none');
  assert.equal(popAction(mine('a'), 'alex', 'a', {}, new Set()), 'none');
});

const wrapup = (agentId, status) => ({ agentId, status, required: status !== 'notRequired', notesRequired: false });

test('an interaction that left the agent stays active until its required wrap-up is done', () => {
  const owed = s('a', 'ended', '2026-01-01T10:00:00Z', { agent: { id: 'alex' }, wrapup: wrapup('alex', 'pending') });
  const done = { ...owed, interactionId: 'b', wrapup: wrapup('alex', 'done') };
  const away = s('c', 'queued', '2026-01-01T10:02:00Z', { wrapup: wrapup('alex', 'notRequired') });
  const awayOwed = { ...away, interactionId: 'd', wrapup: wrapup('alex', 'pending') };
  const { active, recent } = arrange({ a: owed, b: done, c: away, d: awayOwed }, { a: 1, b: 2, c: 3, d: 4 },
    10, 'alex');
  assert.deepEqual(active.map((x) => x.interactionId), ['a', 'd']);
  assert.deepEqual(recent.map((x) => x.interactionId), ['c', 'b']);
  assert.equal(owesWrapup(owed, 'alex'), true);
  assert.equal(owesWrapup(owed, 'blake'), false);
  // a supervisor watching: another agent's pending wrap-up does not keep an ended interaction active
  assert.equal(finished(owed, 'sue'), true);
  // connected to the agent again (transferred back): active
  assert.equal(finished({ ...away, agent: { id: 'alex' }, state: 'connected' }, 'alex'), false);
});
