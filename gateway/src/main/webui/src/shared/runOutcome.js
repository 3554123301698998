// The outcome of a custom action run as the agent should read it: a run whose data action failed, or that carries an
// error, has failed, whatever status the run itself reported; so no log says "succeeded" above a failed data action.
export function runOutcome(run) {
  if (!run) return 'none';
  if (run.status === 'running') return 'running';
  const dataFailed = (run.dataActions || []).some((d) => d && d.success === false);
  return run.status === 'failed' || dataFailed || !!run.error ? 'failed' : run.status || 'succeeded';
}
