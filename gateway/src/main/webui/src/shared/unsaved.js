import { useEffect } from 'preact/hooks';

// Unsaved edits survive leaving the page: they are kept in sessionStorage under a key until saved or discarded,
// and the browser asks before the tab is closed or reloaded while some are pending.
export function loadUnsaved(key) {
  try {
    const text = sessionStorage.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function keepUnsaved(key, value) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or disabled: the beforeunload warning still protects the edits
  }
}

export function useLeaveWarning(dirty) {
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (e) => { e.preventDefault(); e.returnValue = ''; };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
