// A control-port answer as the panel prints it, after m2sh control (server/src/control/client.ts
// renderControlReply): tables as aligned text columns, a one-row table (info) and a message as `key: value`
// lines, an error as ERROR with its code. Very long tables (status what=net can hold 10,000
// rows) are cut, with a pointer to the Live connections screen.
import type { ControlAnswer } from '@m2/shared';

/** One printed line; `err` lines are shown in red. */
export interface OutputLine { text: string; err?: boolean }

/** The most table rows printed. */
export const MAX_TABLE_ROWS = 500;

/** One cell as m2sh prints a value. */
export function renderCell(v: unknown): string {
  if (v === null || v === undefined) return '(null)';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(6);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v);
}

/** A table as aligned text columns (two spaces apart, as m2sh separates them). */
export function renderTextTable(headers: string[], rows: unknown[][]): string[] {
  const cells = [headers, ...rows.map((r) => headers.map((_, i) => renderCell(r[i])))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  '));
}

/** The lines printed for an answer. */
export function renderAnswer(answer: ControlAnswer): OutputLine[] {
  if (answer.kind === 'error') return [{ text: `ERROR ${answer.code}: ${answer.message}`, err: true }];
  if (answer.kind === 'msg') return Object.entries(answer.values).map(([k, v]) => ({ text: `${k}: ${v}` }));
  if (answer.rows.length === 1) return answer.headers.map((h, i) => ({ text: `${h}: ${renderCell(answer.rows[0]![i])}` }));
  if (answer.rows.length === 0) return [...renderTextTable(answer.headers, []).map((text) => ({ text })), { text: '(no rows)' }];
  const shown = answer.rows.slice(0, MAX_TABLE_ROWS);
  const lines = renderTextTable(answer.headers, shown).map((text) => ({ text }));
  if (answer.rows.length > shown.length) lines.push({ text: `… ${answer.rows.length - shown.length} more rows (see Live connections)` });
  return lines;
}
