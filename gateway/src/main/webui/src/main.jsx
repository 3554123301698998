import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { signal } from '@preact/signals';
import { token, me, signIn, signOut, hasRole, signedOutBecause, loadMeOrSignOut, providerSignInOffer,
  startProviderSignIn, finishProviderSignIn, PROVIDER_FAILED } from './api.js';
import { connect, disconnect } from './desktop/sessions.js';
import { Desktop } from './desktop/Desktop.jsx';
import { TestCall } from './admin/TestCall.jsx';
import './style.css';

// Hash routes (#/interactions/<id>, #/admin) need nothing from the server; deep links still work.
const route = signal(location.hash.slice(1) || '/');
window.addEventListener('hashchange', () => {
  route.value = location.hash.slice(1) || '/';
});

// The provider's answer, taken once per page load (it consumes the gateway's cookie).
let finishing = null;

function SignIn() {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [provider, setProvider] = useState(null);
  useEffect(() => {
    let gone = false;
    providerSignInOffer().then((offer) => { if (!gone && offer && offer.enabled) setProvider(offer); });
    return () => { gone = true; };
  }, []);
  const submit = async (e) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await signIn(String(form.get('username')), String(form.get('password')));
    } catch (err) {
      setError(err.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="signin">
      <form onSubmit={submit} aria-labelledby="signin-title">
        <h1 id="signin-title">Rapport</h1>
        <label class="field">
          <span class="label">User name</span>
          <input name="username" autocomplete="username" required autofocus />
        </label>
        <label class="field">
          <span class="label">Password</span>
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        {!error && signedOutBecause.value && <p class="notice" role="status">{signedOutBecause.value}</p>}
        {error && <p class="error" role="alert">{error}</p>}
        <button type="submit" disabled={busy}>Sign in</button>
        {provider && (
          <button type="button" class="provider" onClick={() => startProviderSignIn(location.hash)}>
            Sign in with {provider.name}
          </button>
        )}
      </form>
    </main>
  );
}

function App() {
  useEffect(() => {
    if (route.value === '/signed-in' && !finishing) {
      finishing = finishProviderSignIn().then((back) => { location.hash = back; });
    } else if (route.value === '/sign-in-failed') {
      signOut(PROVIDER_FAILED);
      location.hash = '#/';
    }
  }, [route.value]);
  useEffect(() => {
    if (token.value && !me.value) {
      loadMeOrSignOut();
    }
  }, [token.value]);
  useEffect(() => {
    if (me.value && (hasRole('agent') || hasRole('supervisor'))) {
      connect();
      return disconnect;
    }
    return undefined;
  }, [me.value]);

  if (!token.value) {
    return route.value === '/signed-in' ? <p class="muted" aria-busy="true">Signing in…</p> : <SignIn />;
  }
  if (!me.value) {
    return <p class="muted" aria-busy="true">Loading…</p>;
  }
  const path = route.value;
  const section = SECTIONS.find((sec) => path === sec.path || path.startsWith(`${sec.path}/`));
  const visible = SECTIONS.filter((sec) => sec.roles.some(hasRole));
  return (
    <>
      <header class="top">
        <a class="brand" href="#/">Rapport</a>
        <nav aria-label="Main">
          <a href="#/" aria-current={!section ? 'page' : undefined}>Interactions</a>
          {visible.map((sec) => (
            <a key={sec.path} href={`#${sec.path}`} aria-current={section === sec ? 'page' : undefined}>{sec.label}</a>
          ))}
        </nav>
        <span class="who">{me.value.name}</span>
        <button type="button" class="link" onClick={() => { signOut(); location.hash = '#/'; }}>Sign out</button>
      </header>
      {section ? <Section section={section} path={path} />
        : <Desktop selected={path.startsWith('/interactions/') ? decodeURIComponent(path.slice(14)) : null} />}
    </>
  );
}

// The admin console's sections. Each gets the rest of the route after its own path ('' or '/<id>...'). The big
// ones load when first opened, so an agent's browser fetches only the desktop.
const SECTIONS = [
  { path: '/admin/tables', label: 'Data tables', roles: ['admin'],
    view: lazy(() => import('./admin/tables/DataTables.jsx'), 'DataTablesAdmin') },
  { path: '/admin/actions', label: 'Data actions', roles: ['admin'],
    view: lazy(() => import('./admin/actions/Actions.jsx'), 'ActionsAdmin') },
  { path: '/admin/scripts', label: 'Scripts', roles: ['admin'],
    view: lazy(() => import('./admin/designer/Scripts.jsx'), 'ScriptsAdmin') },
  { path: '/admin/flows', label: 'Flows', roles: ['admin'],
    view: lazy(() => import('./admin/flows/Flows.jsx'), 'FlowsAdmin') },
  { path: '/admin/wrapupcodes', label: 'Wrap-up codes', roles: ['admin'],
    view: lazy(() => import('./admin/WrapupCodes.jsx'), 'WrapupCodesAdmin') },
  { path: '/admin/routing', label: 'Routing', roles: ['admin'],
    view: lazy(() => import('./admin/Routing.jsx'), 'RoutingAdmin') },
  { path: '/admin/schedules', label: 'Schedules', roles: ['admin'],
    view: lazy(() => import('./admin/schedules/Schedules.jsx'), 'SchedulesAdmin') },
  { path: '/admin/timeline', label: 'Timeline', roles: ['admin', 'supervisor'],
    view: lazy(() => import('./admin/Timeline.jsx'), 'TimelineView') },
  { path: '/admin', label: 'Test call', roles: ['admin'], view: TestCall },
];

/** A component whose code is fetched on first render; a failed fetch says so and offers a retry. */
function lazy(load, exportName) {
  let loaded = null;
  return function Lazy(props) {
    const [view, setView] = useState(() => loaded);
    const [error, setError] = useState(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (view) return undefined;
      let gone = false;
      load().then((module) => {
        loaded = module[exportName];
        if (!gone) setView(() => loaded);
      }, (err) => {
        if (!gone) setError(err);
      });
      return () => { gone = true; };
    }, [attempt]);
    if (view) {
      const View = view;
      return <View {...props} />;
    }
    if (error) {
      return (
        <main class="admin">
          <p class="error" role="alert">This page could not be loaded: {String(error.message || error)}</p>
          <button type="button" onClick={() => { setError(null); setAttempt(attempt + 1); }}>Try again</button>
        </main>
      );
    }
    return <main class="admin"><p class="muted" role="status" aria-busy="true">Loading…</p></main>;
  };
}

function Section({ section, path }) {
  if (!section.roles.some(hasRole)) {
    return <main class="admin"><p class="error" role="alert">This page needs the {section.roles.join(' or ')} role.</p></main>;
  }
  const View = section.view;
  const rest = path.slice(section.path.length);
  return <View path={rest.startsWith('/') ? rest.slice(1) : rest} />;
}

render(<App />, document.getElementById('app'));
