import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runOutcome } from './runOutcome.js';

test('a run with a failed data action has failed, even when it reports succeeded', () => {
  assert.equal(runOutcome({ status: 'succeeded', dataActions: [{ success: true }, { success: false, error: '404' }] }),
    'failed');
  assert.equal(runOutcome({ status: 'succeeded', error: 'data action x failed' }), 'failed');
  assert.equal(runOutcome({ status: 'succeeded', dataActions: [{ success: true }] }), 'succeeded');
  assert.equal(runOutcome({ status: 'running' }), 'running');
  assert.equal(runOutcome({ status: 'failed' }), 'failed');
});
