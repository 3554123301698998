// node --test src/admin/flows/stepModel.test.js (no dependencies)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STEP_TYPES, branchesOf, fromModel, newStep, placeOf, toModel, variablesOf } from './stepModel.js';

let n = 0;
const key = () => `k${n++}`;

test('every step type makes a new step that survives the round trip to the API', () => {
  for (const [type] of STEP_TYPES) {
    const step = newStep(type, key);
    assert.equal(step.type, type);
    const api = toModel([step]);
    assert.equal(api[0]._key, undefined, type);
    assert.deepEqual(toModel(fromModel(api, key)), api, type);
  }
});

test('nested branches, switch cases and rows convert both ways', () => {
  const api = [{
    type: 'decision', name: 'Insurance?', expression: 'contains({{Call.Attributes.Services}}, "Insurance")',
    yes: [{
      type: 'callDataAction', actionId: 'crm', timeoutSeconds: 5, inputs: { phone: '{{Call.Ani}}' },
      outputs: { Priority: 'priority' }, success: [{ type: 'setVariable', name: 'P', expression: '{{Flow.Priority}}' }],
      failure: [], timeout: [{ type: 'disconnect' }],
    }],
    no: [{
      type: 'switch', cases: [{ expression: 'true', steps: [{ type: 'transferToNumber', number: '"+15550100"' }] }],
      default: [{ type: 'setParticipantData', attributes: { A: '{{Call.Ani}}' }, expressions: { B: '1 + 1' } }],
    }],
  }];
  const editor = fromModel(api, key);
  assert.deepEqual(editor[0].yes[0].inputRows, [{ name: 'phone', value: '{{Call.Ani}}' }]);
  assert.ok(editor[0].no[0].cases[0].steps[0]._key);
  assert.deepEqual(toModel(editor), api);
  assert.deepEqual(variablesOf(editor), ['P', 'Priority']);
});

test('empty optional fields are left out; skills are trimmed', () => {
  const acd = { ...newStep('transferToAcd', key), queueId: 'q', skills: [' s1 ', ''], priority: ' ' };
  assert.deepEqual(toModel([acd]), [{ type: 'transferToAcd', queueId: 'q', queueName: '', skills: ['s1'], failure: [] }]);
  const call = { ...newStep('callDataAction', key), actionId: 'a', timeoutSeconds: '' };
  assert.equal(toModel([call])[0].timeoutSeconds, undefined);
  assert.equal(toModel([{ ...call, timeoutSeconds: '30' }])[0].timeoutSeconds, 30);
});

test('branches of each kind of step', () => {
  assert.deepEqual(branchesOf('decision').map(([b]) => b), ['yes', 'no']);
  assert.deepEqual(branchesOf('evaluateScheduleGroup').map(([b]) => b), ['open', 'closed', 'holiday']);
  assert.deepEqual(branchesOf('setVariable'), []);
});

test('a publishing problem is named as the editor names steps', () => {
  assert.equal(placeOf('steps[0].found[1].scriptId'), 'Step 1 found step 2, scriptId');
  assert.equal(placeOf('steps[2].yes[0].expression'), 'Step 3 yes step 1, expression');
  assert.equal(placeOf('steps[0].no[0].cases[1].steps[2].number'), 'Step 1 no step 1 case 2 step 3, number');
  assert.equal(placeOf('steps[1].cases[1].expression'), 'Step 2, case 2 expression');
  assert.equal(placeOf('steps[0].notFound[0].default[3].queueId'), 'Step 1 not found step 1 default step 4, queueId');
});
