// A button that shows its action in progress (disabled, with a spinner and `aria-busy`) so a long action never
// looks idle.
import type { ButtonHTMLAttributes } from 'react';

/** A button; `busy` disables it and shows progress; `kind` picks the style. */
export function Button({ busy, kind = 'secondary', children, disabled, className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { busy?: boolean; kind?: 'primary' | 'secondary' | 'danger' | 'ghost' }) {
  return (
    <button type="button" className={`btn btn-${kind}${className ? ` ${className}` : ''}`} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
