// The command palette (Ctrl/Cmd-K): type to jump to any screen, host or route, or run an action. A combobox
// over a listbox (WAI-ARIA 1.2 combobox pattern): arrows move, Enter runs, Escape closes.
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listQuery } from '../queries/model';
import { Dialog } from '../components/Dialog';
import { navigate } from './router';
import { SCREENS } from './screens';

/** One palette entry. */
export interface PaletteItem { id: string; label: string; hint: string; run: () => void }

/** Ranks items for a query: every word must appear; earlier matches first. */
export function rankItems(items: PaletteItem[], query: string): PaletteItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return items;
  return items
    .map((it) => {
      const text = `${it.label} ${it.hint}`.toLowerCase();
      const at = words.map((w) => text.indexOf(w));
      return { it, score: at.some((i) => i < 0) ? -1 : at.reduce((a, b) => a + b, 0) };
    })
    .filter((x) => x.score >= 0)
    .sort((a, b) => a.score - b.score)
    .map((x) => x.it);
}

/** The palette dialog; `actions` are the layout's own (theme, sign out). */
export function CommandPalette({ onClose, actions }: { onClose: () => void; actions: PaletteItem[] }) {
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const hosts = useQuery(listQuery('hosts'));
  const routes = useQuery(listQuery('routes'));
  const items = useMemo<PaletteItem[]>(() => {
    const hostName = new Map((hosts.data ?? []).map((h) => [h.id, h.name]));
    return [
      ...SCREENS.filter((s) => s.nav).map((s) => ({ id: `screen${s.path}`, label: s.title, hint: 'screen', run: () => navigate(s.nav!.to) })),
      ...actions,
      ...(hosts.data ?? []).map((h) => ({ id: `host${h.id}`, label: h.name, hint: 'host', run: () => navigate(`/hosts/${h.id}`) })),
      ...(routes.data ?? []).map((r) => ({ id: `route${r.id}`, label: r.path, hint: `route on ${hostName.get(r.hostId) ?? `host ${r.hostId}`} → ${r.target.kind}`, run: () => navigate(`/hosts/${r.hostId}?route=${r.id}`) })),
    ];
  }, [hosts.data, routes.data, actions]);
  const shown = rankItems(items, q).slice(0, 50);
  useEffect(() => setActive(0), [q]);
  const run = (it: PaletteItem | undefined) => {
    if (!it) return;
    onClose();
    it.run();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((a) => Math.min(a + 1, shown.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
    else if (e.key === 'Enter') { e.preventDefault(); run(shown[active]); }
  };
  return (
    <Dialog title="Go to…" onClose={onClose}>
      <input className="palette-input" role="combobox" aria-expanded="true" aria-controls="palette-list" aria-label="Search screens, hosts, routes and actions"
        aria-activedescendant={shown[active] ? `palette-${shown[active]!.id}` : undefined} value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={onKey} autoFocus />
      <ul id="palette-list" role="listbox" aria-label="Matches" className="palette-list">
        {shown.map((it, i) => (
          <li key={it.id} id={`palette-${it.id}`} role="option" aria-selected={i === active} className={i === active ? 'active' : undefined}
            onMouseEnter={() => setActive(i)} onClick={() => run(it)}>
            <span>{it.label}</span> <span className="muted">{it.hint}</span>
          </li>
        ))}
        {shown.length === 0 && <li className="muted" role="option" aria-selected="false" aria-disabled="true">Nothing matches.</li>}
      </ul>
    </Dialog>
  );
}
