// The designer's slots for the panels that live in ./panels/ (Custom actions, Problems, Versions, Preview, Import).
// They load lazily through import.meta.glob, so the designer builds and runs whether or not a panel exists yet.
import { useEffect, useState } from 'preact/hooks';

const PANELS = import.meta.glob('./panels/*.jsx');
const loaded = {};

export function PanelSlot({ name, exportName, props, quiet = false }) {
  const key = `./panels/${name}.jsx`;
  const [View, setView] = useState(() => (loaded[key] && loaded[key][exportName]) || null);
  const [error, setError] = useState(null);
  useEffect(() => {
    if (View || !PANELS[key]) return undefined;
    let stale = false;
    PANELS[key]().then((module) => {
      loaded[key] = module;
      if (!stale) setView(() => module[exportName] || null);
      if (!module[exportName]) setError(`${name} has no ${exportName}`);
    }).catch((err) => !stale && setError(err.message));
    return () => { stale = true; };
  }, [key]);
  if (View) return <View {...props} />;
  if (quiet) return null;
  if (error) return <p class="error" role="alert">This panel could not load: {error}</p>;
  return <p class="muted">{PANELS[key] ? 'Loading…' : 'Not available yet.'}</p>;
}
