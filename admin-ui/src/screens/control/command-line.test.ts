import { describe, expect, it } from 'vitest';
import { USAGE, parseCommandLine } from './command-line';
import { addToHistory, HISTORY_MAX, loadHistory, saveHistory, stepHistory, type HistoryCursor } from './command-history';
import { renderAnswer } from './render-answer';

describe('parseCommandLine', () => {
  it('parses like m2sh control: command, then key=value pairs, integers as numbers', () => {
    expect(parseCommandLine('kill id=25')).toEqual({ ok: true, command: 'kill', args: { id: 25 } });
    expect(parseCommandLine('  status\twhat = net ')).toEqual({ ok: true, command: 'status', args: { what: 'net' } });
    expect(parseCommandLine('x a=-3 b=1-2 c=007 d=99999999999999999999')).toEqual({
      ok: true, command: 'x', args: { a: -3, b: '1-2', c: 7, d: '99999999999999999999' },
    });
    expect(parseCommandLine('reload')).toEqual({ ok: true, command: 'reload', args: {} });
  });
  it('refuses keys without values and empty lines', () => {
    expect(parseCommandLine('kill id')).toEqual({ ok: false, error: USAGE });
    expect(parseCommandLine('   ').ok).toBe(false);
  });
});

describe('command history', () => {
  it('adds lines without immediate repeats and keeps at most HISTORY_MAX', () => {
    let h: string[] = [];
    for (const l of ['uuid', 'uuid', ' time ', '', 'uuid']) h = addToHistory(h, l);
    expect(h).toEqual(['uuid', 'time', 'uuid']);
    for (let i = 0; i < HISTORY_MAX + 5; i++) h = addToHistory(h, `kill id=${i}`);
    expect(h).toHaveLength(HISTORY_MAX);
    expect(h[HISTORY_MAX - 1]).toBe(`kill id=${HISTORY_MAX + 4}`);
  });
  it('walks up to the oldest, stays there, and walks down back to the draft', () => {
    const h = ['uuid', 'time', 'info'];
    let c: HistoryCursor = { index: null, draft: '' };
    const seen: string[] = [];
    let value = 'sta';
    for (const dir of [-1, -1, -1, -1, 1, 1, 1, 1] as const) {
      const s = stepHistory(h, c, dir, value);
      c = s.cursor;
      value = s.value;
      seen.push(value);
    }
    expect(seen).toEqual(['info', 'time', 'uuid', 'uuid', 'time', 'info', 'sta', 'sta']);
  });
  it('survives in sessionStorage and ignores junk there', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    saveHistory(['uuid', 'time'], storage);
    expect(loadHistory(storage)).toEqual(['uuid', 'time']);
    store.set('m2.control.history', '{not json');
    expect(loadHistory(storage)).toEqual([]);
  });
});

describe('renderAnswer', () => {
  it('prints tables aligned, one-row tables and messages as key: value, errors in red with their code', () => {
    expect(renderAnswer({ kind: 'table', headers: ['id', 'fd', 'type'], rows: [[25, 29, 1], [-1, 300, 3]] }).map((l) => l.text))
      .toEqual(['id  fd   type', '25  29   1', '-1  300  3']);
    expect(renderAnswer({ kind: 'table', headers: ['port', 'uuid'], rows: [[6767, 'abc']] }).map((l) => l.text)).toEqual(['port: 6767', 'uuid: abc']);
    expect(renderAnswer({ kind: 'msg', values: { status: 'OK' } })).toEqual([{ text: 'status: OK' }]);
    expect(renderAnswer({ kind: 'error', code: 'INVALID_ARGUMENT', message: 'Invalid argument type.' }))
      .toEqual([{ text: 'ERROR INVALID_ARGUMENT: Invalid argument type.', err: true }]);
  });
});
