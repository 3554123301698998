import { useEffect, useRef } from 'preact/hooks';

const FIELDS = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/**
 * A ref for a form (or dialog) that takes the focus to its first field when it opens: `autofocus` only works once per
 * page load, and a keyboard user should not have to look for what just opened.
 */
export function useFocusFirst() {
  const ref = useRef(null);
  useEffect(() => { focusFirstIn(ref.current); }, []);
  return ref;
}

/** Focuses the first field in `element` (if any); answers whether one took the focus. */
export function focusFirstIn(element) {
  const field = element && element.querySelector(FIELDS);
  if (field) field.focus();
  return !!field;
}
