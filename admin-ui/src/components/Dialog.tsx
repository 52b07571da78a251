// A modal dialog: labelled by its title, rendered over the page (a portal into <body>) while the console behind it
// is made inert and aria-hidden, focus moved into it, Escape and the backdrop close
// it, focus returns to where it was. ConfirmDialog asks before anything destructive (a kill, a delete, a restore).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Button } from './Button';

/** Makes everything in <body> but the dialog inert and hidden from assistive technology until released. */
function holdBackground(dialog: HTMLElement | null): () => void {
  const held: HTMLElement[] = [];
  for (const el of Array.from(document.body.children) as HTMLElement[]) {
    if (el === dialog || el.hasAttribute('inert')) continue;
    el.setAttribute('inert', '');
    el.setAttribute('aria-hidden', 'true');
    held.push(el);
  }
  return () => {
    for (const el of held) {
      el.removeAttribute('inert');
      el.removeAttribute('aria-hidden');
    }
  };
}

/** A modal dialog. */
export function Dialog({ title, onClose, children, wide }: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  // The latest onClose, so a parent's re-render (a new callback) does not re-run the focus effect.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const release = holdBackground(backdrop.current);
    const first = box.current?.querySelector<HTMLElement>('input, select, textarea, button:not(.dialog-close)');
    (first ?? box.current)?.focus();
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') { e.stopPropagation(); close.current(); } };
    window.addEventListener('keydown', onKey);
    return () => { window.removeEventListener('keydown', onKey); release(); before?.focus?.(); };
  }, []);
  return createPortal(
    <div ref={backdrop} className="backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div ref={box} className={`dialog${wide ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-labelledby={id} tabIndex={-1}>
        <header className="dialog-head">
          <h2 id={id}>{title}</h2>
          <button type="button" className="icon dialog-close" aria-label="Close" onClick={onClose}>×</button>
        </header>
        <div className="dialog-body">{children}</div>
      </div>
    </div>,
    document.body,
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
