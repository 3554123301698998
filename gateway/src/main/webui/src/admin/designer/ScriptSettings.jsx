// Settings of the whole script: whether the agent must wrap up (a wrap-up code, and notes) when an interaction that
// shows it leaves them. Genesys keeps this on the queue; Rapport has it on the script and on the flow's queue step.
import { Check } from './Properties.jsx';

export function ScriptSettings({ script, update }) {
  const set = (key, value) => update((s) => {
    if (value) s[key] = true;
    else delete s[key];
    if (key === 'wrapupRequired' && !value) delete s.wrapupNotesRequired;
  }, `script:${key}`);
  return (
    <section class="d-script-settings" aria-labelledby="d-script-settings-title">
      <h3 id="d-script-settings-title">After the call</h3>
      <Check label="Wrap-up required (the agent picks a wrap-up code)" checked={script.wrapupRequired}
        onChange={(v) => set('wrapupRequired', v)} />
      {script.wrapupRequired && (
        <Check label="Wrap-up notes required" checked={script.wrapupNotesRequired}
          onChange={(v) => set('wrapupNotesRequired', v)} />
      )}
    </section>
  );
}
