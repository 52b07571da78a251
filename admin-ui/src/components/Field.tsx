// Labelled form controls with their inline error (principle 7: the API's field errors land next to the field
// they name). Each control is found by its label (Playwright getByLabel, screen readers).
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common { label: string; error?: string; help?: ReactNode }

function Wrap({ id, label, error, help, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {help && !error && <div className="field-help" id={`${id}-help`}>{help}</div>}
      {error && <div className="field-error" id={`${id}-error`} role="alert">{error}</div>}
    </div>
  );
}

function describedBy(id: string, c: Common): string | undefined {
  return c.error ? `${id}-error` : c.help ? `${id}-help` : undefined;
}

/** A labelled text input. */
export function TextField({ label, error, help, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Wrap id={id} label={label} error={error} help={help}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, error, help })} {...rest} />
    </Wrap>
  );
}

/** A labelled select; `options` are [value, label] pairs. */
export function SelectField({ label, error, help, options, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: [string, string][] }) {
  const id = useId();
  return (
    <Wrap id={id} label={label} error={error} help={help}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, error, help })} {...rest}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </Wrap>
  );
}

/** A labelled multi-line text. */
export function TextAreaField({ label, error, help, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Wrap id={id} label={label} error={error} help={help}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, error, help })} {...rest} />
    </Wrap>
  );
}

/** A labelled checkbox (a Mongrel2 0/1 flag). */
export function CheckField({ label, error, help, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={`field field-check${error ? ' field-invalid' : ''}`}>
      <input id={id} type="checkbox" aria-invalid={error ? true : undefined} {...rest} />
      <label htmlFor={id}>{label}</label>
      {help && !error && <div className="field-help">{help}</div>}
      {error && <div className="field-error" role="alert">{error}</div>}
    </div>
  );
}

/** The error of a form as a whole (a refusal that names no field, or names one the form does not show). */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return <div className="form-error" role="alert">{message}</div>;
}

/** The optional "why" of a model edit, kept in the commit log. */
export function WhyField({ value, onChange }: { value: string; onChange: (why: string) => void }) {
  return <TextField label="Why" value={value} onChange={(e) => onChange(e.target.value)} help="Optional: the commit log's why" autoComplete="off" />;
}
