// node --test src/admin/schedules/rrule.test.js (no dependencies)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe, formOf, fromApiTime, ruleOf, toApiTime } from './rrule.js';

test('a repetition form makes the RRULE the API stores', () => {
  assert.equal(ruleOf({ freq: 'none' }), undefined);
  assert.equal(ruleOf({ freq: 'WEEKLY', interval: 1, days: ['FR', 'MO', 'WE'] }), 'FREQ=WEEKLY;BYDAY=MO,WE,FR');
  assert.equal(ruleOf({ freq: 'DAILY', interval: '3', days: ['MO'] }), 'FREQ=DAILY;INTERVAL=3');
  assert.equal(ruleOf({ freq: 'YEARLY', interval: 1 }), 'FREQ=YEARLY');
});

test('an RRULE reads back into the form, or null when the page cannot edit it', () => {
  assert.deepEqual(formOf('FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU'), { freq: 'WEEKLY', interval: 1, days: ['MO', 'TU'] });
  assert.deepEqual(formOf(undefined), { freq: 'none', interval: 1, days: [] });
  assert.equal(formOf('FREQ=MONTHLY;BYMONTHDAY=1'), null);
  assert.equal(formOf('FREQ=WEEKLY;BYDAY=1MO'), null);
  assert.equal(describe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO'), 'Every 2 weeks on MO');
  assert.equal(describe(null), 'Once');
  assert.equal(describe('FREQ=HOURLY'), 'FREQ=HOURLY');
});

test('datetime-local values and the API local date-times', () => {
  assert.equal(toApiTime('2025-01-06T09:00'), '2025-01-06T09:00:00.000');
  assert.equal(fromApiTime('2025-01-06T09:00:00.000'), '2025-01-06T09:00');
});
