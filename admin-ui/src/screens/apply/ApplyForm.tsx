// The apply form: why (the commit log keeps it, so it is required and checked before sending) and the
// "Apply changes" button, disabled with its reason for a viewer or when nothing is pending; while the apply
// runs it says what the console is doing.
import { useState, type FormEvent } from 'react';
import { applyBodySchema } from '@m2/shared';
import { fieldErrorsOf } from '../../app/errors';
import { useFormErrors, validate } from '../../app/form-errors';
import { Button } from '../../components/Button';
import { FormError, TextAreaField } from '../../components/Field';

/** The apply form; `disabledReason` disables the button and says why; `error` is the last apply's failure. */
export function ApplyForm({ onApply, busy, disabledReason, error }: {
  onApply: (why: string) => void; busy: boolean; disabledReason?: string; error?: unknown;
}) {
  const [why, setWhy] = useState('');
  const { errors, check, clear } = useFormErrors(fieldErrorsOf(error));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (check(validate(applyBodySchema, { why }))) onApply(why.trim());
  };
  return (
    <form className="card apply-form" onSubmit={submit} noValidate aria-label="Apply">
      <TextAreaField label="Why" value={why} onChange={(e) => { setWhy(e.target.value); clear(); }} error={errors.why}
        help="The commit log keeps it beside what changed." rows={3} required />
      <FormError message={errors['']} />
      <div className="actions">
        {busy && <span className="muted" role="status">Applying… validating, reloading, probing</span>}
        <Button type="submit" kind="primary" busy={busy} disabled={!!disabledReason} title={disabledReason}>Apply changes</Button>
      </div>
    </form>
  );
}
