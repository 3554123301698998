// Polls a job until it is finished, reporting each state; stop() ends it early (the screen was left).
import { api } from '../../api.js';

const DONE = ['Succeeded', 'Failed'];

export function pollJob(path, onUpdate, intervalMs = 700) {
  let stopped = false;
  const done = (async () => {
    for (;;) {
      const job = await api(path);
      if (stopped) return job;
      onUpdate(job);
      if (DONE.includes(job.status)) return job;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
      if (stopped) return job;
    }
  })();
  return { done, stop: () => { stopped = true; } };
}
