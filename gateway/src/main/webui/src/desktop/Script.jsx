// Draws a page rendered by script-service. Every text goes in as a text node (Preact escapes it); nothing is ever
// set as HTML. URLs are used only when they are http(s), and web pages are sandboxed frames (see safeFrameUrl).
import { useEffect, useRef, useState } from 'preact/hooks';
import { runOutcome } from '../shared/runOutcome.js';
import { LEVELS, levelOf } from './levels.js';

const ARRANGE = { start: 'flex-start', center: 'center', end: 'flex-end' };

// An absolute http(s) URL only: a relative one ("/api/...", "//host", "#/admin") would resolve against the desktop.
export function httpUrl(value) {
  try {
    const url = new URL(String(value || '').trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// What a script may show or link to: an absolute http(s) URL of another origin. The desktop's own origin is refused
// (a same-origin link or image could call the API with the agent's cookies or lure them into the admin pages).
export function externalUrl(value) {
  const url = httpUrl(value);
  return url && new URL(url).origin !== window.location.origin ? url : null;
}

// Frames get scripts (maps, knowledge bases) but not forms (a framed page phished the agent's password), not their
// own origin (so allow-scripts cannot lift the sandbox), not top navigation, and popups stay sandboxed.
export const FRAME_SANDBOX = 'allow-scripts allow-popups';
export const safeFrameUrl = externalUrl;

function styleOf(c) {
  const s = c.style || {};
  const css = {};
  // The script model's 'stretch' means fill the available space.
  if (s.width) css.width = s.width === 'stretch' ? '100%' : s.width;
  if (s.height) css.height = s.height === 'stretch' ? '100%' : s.height;
  if (s.margin != null) css.margin = `${Number(s.margin) || 0}px`;
  if (s.backgroundColor) css.backgroundColor = s.backgroundColor;
  if (s.textColor) css.color = s.textColor;
  if (s.childArrangement) css.justifyContent = ARRANGE[s.childArrangement] || 'flex-start';
  return css;
}

// The address a web page asking for a signed context is framed at: the token in the fragment, which the browser never
// sends to a server (nor in a Referer), given only to the frame whose origin the token names (docs/embedded-pages.md).
export function withContext(src, token) {
  const url = new URL(src);
  const param = `rapport_context=${encodeURIComponent(token)}`;
  url.hash = url.hash && url.hash.length > 1 ? `${url.hash.slice(1)}&${param}` : param;
  return url.href;
}

// contextFor(componentId) answers {token} for a web page that asks for a signed context; without it (a preview, a
// supervisor watching) such pages are framed without one.
export function ScriptPage({ page, actions, onCommand, contextFor }) {
  if (!page || !page.root) {
    return <p class="muted">No script for this interaction.</p>;
  }
  return (
    <section class="script-page" aria-label={`Script page ${page.name || ''}`}>
      {page.banner && <Banner banner={page.banner} />}
      <Node c={page.root} actions={actions || []} onCommand={onCommand} contextFor={contextFor} />
    </section>
  );
}

// An Info Banner step's message: it stays above the page until the script replaces or removes it.
function Banner({ banner }) {
  const level = levelOf(banner.level);
  const { icon, label } = LEVELS[level];
  return (
    <div class={`notice banner ${level}`} role="status" data-banner={level}>
      <span class="notice-text">
        <span class="notice-icon" aria-hidden="true">{icon}</span>
        <strong class="notice-level">{label}:</strong> {banner.message}
      </span>
    </div>
  );
}

function Node({ c, actions, onCommand, contextFor }) {
  if (!c || c.visible === false) {
    return null;
  }
  const props = { c, actions, onCommand };
  switch (c.type) {
    case 'verticalContainer':
    case 'horizontalContainer':
      // A repeating container's children come once per item, with ids "<id>#<n>" (script-service renders them).
      return (
        <div class={c.type === 'verticalContainer' ? 'vbox' : 'hbox'} style={styleOf(c)} data-component={c.id}>
          {(c.children || []).map((child) => (
            <Node key={child.id} c={child} actions={actions} onCommand={onCommand} contextFor={contextFor} />
          ))}
        </div>
      );
    case 'text':
      return <p class="text" style={styleOf(c)} data-component={c.id}>{c.text || ''}</p>;
    case 'webPage':
      return <WebPage c={c} contextFor={contextFor} />;
    case 'image': {
      const src = externalUrl(c.source);
      return src ? <img src={src} alt={c.text || ''} style={styleOf(c)} referrerpolicy="no-referrer" /> : null;
    }
    case 'link': {
      const href = externalUrl(c.source);
      return href
        ? <a href={href} target="_blank" rel="noopener noreferrer" style={styleOf(c)}>{c.text || href}</a>
        : <span style={styleOf(c)}>{c.text || ''}</span>;
    }
    case 'button':
      return <ScriptButton {...props} />;
    case 'listView':
    case 'list':
      return <ListView c={c} />;
    case 'textInput':
    case 'numberInput':
    case 'dateInput':
    case 'multiLineInput':
    case 'checkbox':
    case 'radioGroup':
    case 'dropdown':
      return <Input {...props} />;
    default:
      return <p class="muted">Unsupported component {String(c.type)}</p>;
  }
}

function WebPage({ c, contextFor }) {
  const src = safeFrameUrl(c.source);
  const wantsContext = !!(src && c.signedContext && contextFor);
  // With a signed context the frame waits for its token; a new token only when the address changes.
  const [framed, setFramed] = useState(wantsContext ? null : src);
  useEffect(() => {
    if (!wantsContext) {
      setFramed(src);
      return undefined;
    }
    let live = true;
    setFramed(null);
    contextFor(c.id)
      .then((answer) => { if (live) setFramed(withContext(src, answer.token)); })
      .catch(() => { if (live) setFramed(src); });
    return () => { live = false; };
  }, [src, wantsContext, c.id]);
  if (!src) {
    return <p class="blocked" style={styleOf(c)}>Web page not shown: {c.source ? 'address not allowed' : 'no address'}</p>;
  }
  if (!framed) {
    return <p class="muted" style={styleOf(c)} aria-busy="true" data-component={c.id}>Loading web page…</p>;
  }
  return (
    <iframe class="webpage" src={framed} title={`Web page ${c.id}`} style={styleOf(c)} data-component={c.id}
      sandbox={FRAME_SANDBOX} referrerpolicy="no-referrer" loading="lazy" />
  );
}

// While its action runs the button is aria-disabled, not disabled: a disabled button drops the keyboard focus to the
// page body, and the agent who pressed Enter on Submit would have to find their place again.
function ScriptButton({ c, actions, onCommand }) {
  const button = useRef(null);
  const clicked = useRef(false);
  const mine = actions.filter((a) => a.component === c.id);
  const running = mine.some((a) => runOutcome(a) === 'running');
  const failed = mine.filter((a) => runOutcome(a) === 'failed').pop();

  useEffect(() => {
    // The page may be redrawn around the button when the run ends: give the focus back if nobody else has it.
    if (!running && clicked.current) {
      clicked.current = false;
      const active = document.activeElement;
      if ((!active || active === document.body) && button.current) button.current.focus();
    }
  }, [running]);

  const click = () => {
    if (running) return;
    clicked.current = true;
    onCommand({ type: 'click', component: c.id });
  };
  return (
    <span class="button-wrap" style={styleOf(c)}>
      <button type="button" ref={button} class={running ? 'running' : failed ? 'failed' : ''}
        disabled={c.enabled === false} aria-disabled={running ? 'true' : undefined}
        aria-busy={running ? 'true' : 'false'} data-component={c.id} onClick={click}>
        {c.text || c.id}{running ? ' …' : ''}
      </button>
      {failed && <span class="error" role="alert">Failed: {failed.error || failed.customAction || 'action failed'}</span>}
    </span>
  );
}

function ListView({ c }) {
  return (
    <table class="list" style={styleOf(c)}>
      <thead><tr>{(c.headers || []).map((h, i) => <th key={i} scope="col">{h}</th>)}</tr></thead>
      <tbody>
        {(c.rows || []).map((row, r) => <tr key={r}>{row.map((cell, i) => <td key={i}>{cell}</td>)}</tr>)}
      </tbody>
    </table>
  );
}

function toValue(type, raw) {
  if (type === 'checkbox') return !!raw;
  if (type === 'numberInput') return raw === '' || raw == null || Number.isNaN(Number(raw)) ? null : Number(raw);
  return raw;
}

// An input keeps what the agent typed (draft) until the server's value catches up, and sends a setVariable command
// 400 ms after the last keystroke (or at once when the field loses focus).
function Input({ c, onCommand }) {
  const [draft, setDraft] = useState(undefined);
  const timer = useRef(null);
  const pending = useRef(undefined);
  const server = c.value;

  useEffect(() => {
    if (draft !== undefined && pending.current === undefined && String(server ?? '') === String(draft ?? '')) {
      setDraft(undefined);
    }
  }, [server]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const flush = () => {
    clearTimeout(timer.current);
    if (pending.current !== undefined) {
      const value = pending.current;
      pending.current = undefined;
      onCommand({ type: 'setVariable', variable: c.variable, value: toValue(c.type, value) });
    }
  };
  const change = (value, now) => {
    setDraft(value);
    pending.current = value;
    clearTimeout(timer.current);
    if (now) {
      flush();
    } else {
      timer.current = setTimeout(flush, 400);
    }
  };
  const value = draft !== undefined ? draft : server;
  const common = {
    disabled: c.enabled === false,
    'aria-invalid': c.valid === false ? 'true' : undefined,
    'data-variable': c.variable,
    'data-component': c.id,
  };
  const label = c.text || c.variable || c.id;

  switch (c.type) {
    case 'checkbox':
      return (
        <label class="field checkbox" style={styleOf(c)}>
          <input type="checkbox" checked={!!value} onChange={(e) => change(e.currentTarget.checked, true)} {...common} />
          <span>{label}</span>
        </label>
      );
    case 'radioGroup':
      return (
        <fieldset class="field" style={styleOf(c)} {...common}>
          <legend>{c.variable}</legend>
          {(c.options || []).map((o) => (
            <label key={o.value} class="radio">
              <input type="radio" name={`${c.id}`} value={o.value} checked={String(value ?? '') === o.value}
                disabled={c.enabled === false} onChange={() => change(o.value, true)} />
              <span>{o.label}</span>
            </label>
          ))}
        </fieldset>
      );
    case 'dropdown':
      return (
        <label class="field" style={styleOf(c)}>
          <span class="label">{c.variable}</span>
          <select value={value ?? ''} onChange={(e) => change(e.currentTarget.value, true)} {...common}>
            <option value="">{c.text || 'Choose…'}</option>
            {(c.options || []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
      );
    case 'multiLineInput':
      return (
        <label class="field" style={styleOf(c)}>
          <span class="label">{c.variable}</span>
          <textarea rows={4} placeholder={c.text || ''} value={value ?? ''} onInput={(e) => change(e.currentTarget.value)}
            onBlur={flush} {...common} />
        </label>
      );
    default: {
      const type = c.type === 'numberInput' ? 'number' : c.type === 'dateInput' ? 'date' : 'text';
      // A date may come as a full ISO timestamp; the date picker wants yyyy-mm-dd.
      const shown = type === 'date' && value ? String(value).slice(0, 10) : value ?? '';
      return (
        <label class="field" style={styleOf(c)}>
          <span class="label">{c.variable}</span>
          <input type={type} placeholder={c.text || ''} value={shown} onInput={(e) => change(e.currentTarget.value)}
            onBlur={flush} {...common} />
        </label>
      );
    }
  }
}
