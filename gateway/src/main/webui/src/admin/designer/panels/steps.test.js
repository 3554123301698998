import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STEP_TYPES, blankStep, branchesOf, stepTypeLabel } from './steps.js';

test('the interaction actions, info banner and delay are step types with blank forms of the script format', () => {
  for (const type of ['transfer', 'scheduleCallback', 'disconnect', 'infoBanner', 'delay']) {
    assert.ok(STEP_TYPES.some(([t]) => t === type), type);
    assert.deepEqual(branchesOf(blankStep(type)), [], `${type} holds no steps`);
  }
  assert.deepEqual(blankStep('transfer'), { type: 'transfer', mode: 'blind', targetType: 'queue', target: '' });
  assert.deepEqual(blankStep('disconnect'), { type: 'disconnect' });
  assert.equal(blankStep('delay').seconds, 5);
  assert.equal(stepTypeLabel('scheduleCallback'), 'Schedule callback');
});
