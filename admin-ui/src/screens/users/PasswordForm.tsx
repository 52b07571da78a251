// Change one's own password: the current one, then a new one of at least PASSWORD_MIN characters (the shared
// passwordChangeBodySchema checks both before sending; a wrong current password comes back on its field).
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN, passwordChangeBodySchema } from '@m2/shared';
import { FormError, TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { fieldErrorsOf } from '../../app/errors';
import { leftoverMessage, useFormErrors, validate } from '../../app/form-errors';

/** What the form submits. */
export interface PasswordValues { current: string; password: string }

const SHOWN = ['current', 'password'];

/** The password form; the caller remounts it (a new `key`) to clear it after a change. */
export function PasswordForm({ username, error, busy, onSubmit }: {
  username: string; error: unknown; busy: boolean; onSubmit: (v: PasswordValues) => void;
}) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const { errors, fromClient, check } = useFormErrors(fieldErrorsOf(error));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (check(validate(passwordChangeBodySchema, { current, password }))) onSubmit({ current, password });
  };
  return (
    <form onSubmit={submit} noValidate className="password-form">
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <TextField label="Current password" type="password" name="current" autoComplete="current-password" value={current}
        onChange={(e) => setCurrent(e.target.value)} error={errors.current} />
      <TextField label="New password" type="password" name="password" autoComplete="new-password" value={password}
        onChange={(e) => setPassword(e.target.value)} error={errors.password} help={`At least ${PASSWORD_MIN} characters.`} />
      <FormError message={leftoverMessage(errors, SHOWN, fromClient ? null : error)} />
      <div className="actions">
        <Button type="submit" kind="primary" busy={busy}>Change password</Button>
      </div>
    </form>
  );
}
