// The control panel's output: each command as typed after its prompt, then its answer's lines (errors in red),
// in a log region that keeps itself scrolled to the newest answer.
import { useEffect, useRef } from 'react';
import type { OutputLine } from './render-answer';

/** One command and its answer (`lines` undefined while it runs). */
export interface ControlEntry { id: number; prompt: string; line: string; lines?: OutputLine[] }

/** The terminal-like output panel. */
export function ControlTerminal({ entries }: { entries: ControlEntry[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries]);
  return (
    <div ref={box} className="terminal" role="log" aria-label="Control output" tabIndex={0}>
      {entries.length === 0 && <div className="muted-term">Type a command below (help lists them).</div>}
      {entries.map((e) => (
        <div key={e.id} className="term-entry">
          <div><span className="prompt">{e.prompt}</span> {e.line}</div>
          {e.lines === undefined
            ? <div className="muted-term">…</div>
            : <pre className="term-out">{e.lines.map((l, i) => <span key={i} className={l.err ? 'err' : undefined}>{l.text}{'\n'}</span>)}</pre>}
        </div>
      ))}
    </div>
  );
}
