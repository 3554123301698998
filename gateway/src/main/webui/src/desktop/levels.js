// How a level (info, success, warning, error) is shown besides its colour: an icon and a word, for alerts and banners.
export const LEVELS = {
  success: { icon: '✓', label: 'Success' },
  warning: { icon: '⚠', label: 'Warning' },
  error: { icon: '✕', label: 'Error' },
  info: { icon: 'ℹ', label: 'Info' },
};

export function levelOf(level) {
  return LEVELS[level] ? level : 'info';
}
