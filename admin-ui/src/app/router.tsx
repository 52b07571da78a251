// A small path router over the History API: the screens' URLs are plain paths (/hosts/3) that the console's
// server answers with the SPA, so any screen can be bookmarked and reloaded.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const CHANGE = 'm2:navigate';

function subscribe(fn: () => void): () => void {
  window.addEventListener('popstate', fn);
  window.addEventListener(CHANGE, fn);
  return () => {
    window.removeEventListener('popstate', fn);
    window.removeEventListener(CHANGE, fn);
  };
}

const current = () => window.location.pathname + window.location.search;

/** Goes to `to` (a path with an optional query), adding a history entry unless `replace`. */
export function navigate(to: string, replace = false): void {
  if (to === current()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE));
  if (!replace) window.scrollTo?.(0, 0);
}

/** The current location (path + query), re-rendering on every navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const loc = useSyncExternalStore(subscribe, current, () => '/');
  const q = loc.indexOf('?');
  return { path: q < 0 ? loc : loc.slice(0, q), query: new URLSearchParams(q < 0 ? '' : loc.slice(q)) };
}

/** Matches `path` against a pattern such as `/hosts/:id`; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(got[i]!);
    else if (w !== got[i]) return null;
  }
  return params;
}

/** An in-app link: a real <a href> (open in a new tab works) that navigates without reloading. */
export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={click} {...rest} />;
}
