// Schedules' repetition as the Schedules page edits it (node --test src/admin/schedules/rrule.test.js): a form
// {freq: 'none' | 'DAILY' | 'WEEKLY' | 'YEARLY', interval, days: ['MO', ...]} to the RRULE text the API stores, and back.

export const DAYS = [['MO', 'Monday'], ['TU', 'Tuesday'], ['WE', 'Wednesday'], ['TH', 'Thursday'], ['FR', 'Friday'],
  ['SA', 'Saturday'], ['SU', 'Sunday']];

/** The RRULE of a repetition form; undefined for none. */
export function ruleOf({ freq, interval, days }) {
  if (!freq || freq === 'none') return undefined;
  const parts = [`FREQ=${freq}`];
  const every = Number(interval) || 1;
  if (every !== 1) parts.push(`INTERVAL=${every}`);
  const picked = DAYS.map(([d]) => d).filter((d) => (days || []).includes(d));
  if (freq === 'WEEKLY' && picked.length) parts.push(`BYDAY=${picked.join(',')}`);
  return parts.join(';');
}

/** The repetition form of an RRULE the page can edit, or null for one it cannot (shown as text, kept as is). */
export function formOf(rrule) {
  if (!rrule) return { freq: 'none', interval: 1, days: [] };
  const form = { freq: null, interval: 1, days: [] };
  for (const part of rrule.replace(/^RRULE:/i, '').split(';').filter(Boolean)) {
    const [name, value = ''] = part.split('=');
    if (name === 'FREQ' && ['DAILY', 'WEEKLY', 'YEARLY'].includes(value)) form.freq = value;
    else if (name === 'INTERVAL' && /^\d+$/.test(value)) form.interval = Number(value);
    else if (name === 'BYDAY' && value.split(',').every((d) => DAYS.some(([k]) => k === d))) form.days = value.split(',');
    else return null;
  }
  return form.freq ? form : null;
}

/** "Every weekday (MO-FR)", "Every 2 weeks on MO, WE", "Once": for the list of schedules. */
export function describe(rrule) {
  const form = formOf(rrule);
  if (!form) return rrule;
  if (form.freq === 'none') return 'Once';
  const unit = { DAILY: 'day', WEEKLY: 'week', YEARLY: 'year' }[form.freq];
  const every = form.interval === 1 ? `Every ${unit}` : `Every ${form.interval} ${unit}s`;
  return form.days.length ? `${every} on ${form.days.join(', ')}` : every;
}

/** A datetime-local value (2025-01-06T09:00) as the API's local date-time (2025-01-06T09:00:00.000), and back. */
export const toApiTime = (local) => (local && local.length === 16 ? `${local}:00.000` : local);
export const fromApiTime = (api) => (api ? api.slice(0, 16) : '');
