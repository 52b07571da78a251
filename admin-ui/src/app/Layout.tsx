// The console's frame: a skip link, the navigation (a drawer below 720 px), the top bar with the pending-changes
// badge, the palette button, the theme switch and the user's menu, and the screen.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { roleAllows } from '@m2/shared';
import { pendingQuery } from '../queries/config';
import { useSignOut } from '../queries/auth';
import { CommandPalette, type PaletteItem } from './CommandPalette';
import { Link, navigate, useLocation } from './router';
import { SCREENS, type ScreenDef } from './screens';
import { useSession } from './session';
import { useTheme } from './theme';

const GROUPS = ['Run', 'Configure', 'Change', 'Admin'] as const;

/** How many servers run something other than the database says, or whether the database moved on. */
function usePendingCount(): number {
  const { data } = useQuery(pendingQuery);
  if (!data) return 0;
  return data.changed ? Math.max(1, data.diff.count) : data.servers.filter((s) => s.pending).length;
}

/** The frame around every signed-in screen. */
export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const { path } = useLocation();
  const [theme, toggleTheme] = useTheme();
  const [menuOpen, setMenuOpen] = useState(false);
  const [palette, setPalette] = useState(false);
  const signOut = useSignOut();
  const pending = usePendingCount();
  const qc = useQueryClient();
  const prefetch = (s: ScreenDef) => {
    for (const q of s.prefetch?.() ?? []) void qc.prefetchQuery(q).catch(() => undefined);
  };
  useEffect(() => setMenuOpen(false), [path]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') { e.preventDefault(); setPalette((p) => !p); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const actions = useMemo<PaletteItem[]>(() => [
    { id: 'act-apply', label: 'Apply pending changes', hint: 'action', run: () => navigate('/apply') },
    { id: 'act-new-host', label: 'Add a host', hint: 'action', run: () => navigate('/hosts?new=1') },
    { id: 'act-test', label: 'Test a URL', hint: 'action', run: () => navigate('/route-tester') },
    { id: 'act-theme', label: `Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`, hint: 'action', run: toggleTheme },
    { id: 'act-signout', label: 'Sign out', hint: 'action', run: () => signOut.mutate() },
  ], [theme, toggleTheme, signOut]);
  const current = (to: string) => (to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`));
  return (
    <div className={`shell${menuOpen ? ' menu-open' : ''}`}>
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <button type="button" className="icon menu-button" aria-label="Menu" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen((o) => !o)}>☰</button>
        <Link to="/" className="brand">Mongrel2</Link>
        <button type="button" className="search-button" onClick={() => setPalette(true)} aria-label="Search (Ctrl+K)" aria-keyshortcuts="Control+K Meta+K">
          <span aria-hidden="true">⌕</span><span className="search-label">Search…</span><kbd>Ctrl K</kbd>
        </button>
        <div className="topbar-end">
          <Link to="/apply" className={`pending-link${pending ? ' has-pending' : ''}`} aria-label={pending ? `${pending} pending change${pending === 1 ? '' : 's'}` : 'No pending changes'}>
            {pending ? `${pending} pending` : 'Applied'}
          </Link>
          <button type="button" className="icon" aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} onClick={toggleTheme}>{theme === 'dark' ? '☀' : '☾'}</button>
          <span className="who" title={`signed in as ${session.user.username} (${session.user.role})`}>{session.user.username} <span className="muted">{session.user.role}</span></span>
          <button type="button" className="btn btn-ghost" onClick={() => signOut.mutate()}>Sign out</button>
        </div>
      </header>
      <nav id="nav" className="sidebar" aria-label="Main">
        {GROUPS.map((g) => {
          const entries = SCREENS.filter((s) => s.nav?.group === g && (!s.role || roleAllows(session.user.role, s.role)));
          if (!entries.length) return null;
          return (
            <div key={g} className="nav-group">
              <div className="nav-title">{g}</div>
              <ul>
                {entries.map((s) => (
                  <li key={s.path}>
                    <Link to={s.nav!.to} aria-current={current(s.nav!.to) ? 'page' : undefined} onMouseEnter={() => prefetch(s)} onFocus={() => prefetch(s)}>
                      {s.title}{s.nav!.to === '/apply' && pending > 0 && <span className="nav-count" aria-hidden="true">{pending}</span>}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      <main id="main" className="content" tabIndex={-1}>{children}</main>
      {palette && <CommandPalette onClose={() => setPalette(false)} actions={actions} />}
    </div>
  );
}
