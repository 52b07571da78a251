// A modal dialog: labelled by its title, focus moved into it, Escape and the backdrop close it, focus returns to
// where it was. ConfirmDialog asks before anything destructive (a kill, a delete, a restore).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './Button';

/** A modal dialog. */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>('input, select, textarea, button:not(.dialog-close)');
    (first ?? box.current)?.focus();
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); before?.focus?.(); };
  }, [onClose]);
  return (
    <div className="backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div ref={box} className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={id} tabIndex={-1}>
        <header className="dialog-head">
          <h2 id={id}>{title}</h2>
          <button type="button" className="icon dialog-close" aria-label="Close" onClick={onClose}>×</button>
        </header>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}

/** Asks "are you sure?" with the consequence spelled out. */
export function ConfirmDialog({ title, message, confirm, onConfirm, onClose, busy }: {
  title: string; message: ReactNode; confirm: string; onConfirm: () => void; onClose: () => void; busy?: boolean;
}) {
  return (
    <Dialog title={title} onClose={onClose}>
      <div className="confirm-message">{message}</div>
      <div className="actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button kind="danger" busy={busy} onClick={onConfirm}>{confirm}</Button>
      </div>
    </Dialog>
  );
}
