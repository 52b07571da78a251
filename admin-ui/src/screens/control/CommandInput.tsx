// The control command line: Enter runs what is typed, ArrowUp and ArrowDown walk the history (the line being
// typed comes back after the newest entry).
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { stepHistory, type HistoryCursor } from './command-history';

/** The labelled command input; `onRun` gets each line entered. */
export function CommandInput({ history, onRun, prompt, disabled }: { history: string[]; onRun: (line: string) => void; prompt: string; disabled?: boolean }) {
  const [value, setValue] = useState('');
  const [cursor, setCursor] = useState<HistoryCursor>({ index: null, draft: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return;
    onRun(value);
    setValue('');
    setCursor({ index: null, draft: '' });
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const step = stepHistory(history, cursor, e.key === 'ArrowUp' ? -1 : 1, value);
    setCursor(step.cursor);
    setValue(step.value);
  };
  return (
    <form className="command-line" onSubmit={submit}>
      <label htmlFor="control-command" className="prompt-label"><span className="sr-only">Control command</span><span aria-hidden="true">{prompt}</span></label>
      <input id="control-command" className="mono" value={value} disabled={disabled} autoComplete="off" spellCheck={false}
        placeholder="status what=net" onChange={(e) => { setValue(e.target.value); setCursor((c) => ({ ...c, index: null })); }} onKeyDown={onKey} />
      <button type="submit" className="btn" disabled={disabled}>Run</button>
    </form>
  );
}
