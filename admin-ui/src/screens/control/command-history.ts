// The control panel's command history, as a shell keeps it: newest last, no immediate repeats, at most
// HISTORY_MAX lines; ArrowUp walks back from the line being typed (kept as the draft) and ArrowDown walks forward
// to it again. It lives in sessionStorage, so it survives a reload of the tab but not a new one.

/** The most lines kept. */
export const HISTORY_MAX = 100;

const KEY = 'm2.control.history';

/** The history with `line` added. */
export function addToHistory(history: string[], line: string): string[] {
  const l = line.trim();
  if (!l || history[history.length - 1] === l) return history;
  return [...history, l].slice(-HISTORY_MAX);
}

/** Where a walk through the history is: `index` into it, or null while editing the draft. */
export interface HistoryCursor { index: number | null; draft: string }

/** One step up (`-1`, older) or down (`1`, newer) from `cursor`, with the text the input should show. */
export function stepHistory(history: string[], cursor: HistoryCursor, dir: -1 | 1, current: string): { cursor: HistoryCursor; value: string } {
  if (cursor.index === null) {
    if (dir === 1 || history.length === 0) return { cursor, value: current };
    const index = history.length - 1;
    return { cursor: { index, draft: current }, value: history[index]! };
  }
  const next = cursor.index + dir;
  if (next < 0) return { cursor, value: history[cursor.index]! };
  if (next >= history.length) return { cursor: { index: null, draft: '' }, value: cursor.draft };
  return { cursor: { ...cursor, index: next }, value: history[next]! };
}

/** The history kept in `storage` (empty when there is none or it is unreadable). */
export function loadHistory(storage: Pick<Storage, 'getItem'> | undefined = globalThis.sessionStorage): string[] {
  try {
    const v: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(-HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

/** Keeps the history in `storage` (a full or disabled storage only loses it). */
export function saveHistory(history: string[], storage: Pick<Storage, 'setItem'> | undefined = globalThis.sessionStorage): void {
  try {
    storage?.setItem(KEY, JSON.stringify(history));
  } catch {
    // Private mode or a full quota: the history lasts as long as the screen.
  }
}
