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

/** A form's closing row: Cancel, then the submit button (disabled with the role it needs when `needs` is set). */
export function FormActions({ onCancel, busy, submit, needs }: { onCancel: () => void; busy?: boolean; submit: string; needs?: string }) {
  return (
    <div className="actions">
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" kind="primary" busy={busy} disabled={needs !== undefined} title={needs}>{submit}</Button>
    </div>
  );
}
