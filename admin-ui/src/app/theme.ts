// Light and dark themes: the operator's choice is kept in localStorage; until they choose, the system's
// preference rules. The choice is a data-theme attribute the stylesheet keys its colours on.
import { useEffect, useState } from 'react';

/** A theme. */
export type Theme = 'light' | 'dark';

const KEY = 'm2.theme';

function initial(): Theme {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(KEY) : null;
  if (saved === 'light' || saved === 'dark') return saved;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** The current theme and a toggle. */
export function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(initial);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const toggle = () => setTheme((t) => {
    const next = t === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, next);
    return next;
  });
  return [theme, toggle];
}
