// An admin's "Reset password" for another user (or themselves): a new password of at least PASSWORD_MIN
// characters, checked with the shared userUpdateBodySchema, sent as PUT /api/users/:username. The API ends the
// user's sessions (an admin resetting their own keeps the one in use); their API tokens keep working.
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN, userUpdateBodySchema } from '@m2/shared';
import { Dialog } from '../../components/Dialog';
import { FormError, TextField } from '../../components/Field';
import { FormActions } from '../../components/Button';
import { fieldErrorsOf } from '../../app/errors';
import { leftoverMessage, useFormErrors, validate } from '../../app/form-errors';

const SHOWN = ['password'];

/** Sets a new password for `username`. */
export function ResetPasswordDialog({ username, self, error, busy, onSubmit, onClose }: {
  username: string; self: boolean; error: unknown; busy: boolean; onSubmit: (password: string) => void; onClose: () => void;
}) {
  const [password, setPassword] = useState('');
  const { errors, fromClient, check } = useFormErrors(fieldErrorsOf(error));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (check(validate(userUpdateBodySchema, { password }))) onSubmit(password);
  };
  return (
    <Dialog title={`Reset the password of ${username}`} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p className="muted">
          {self ? 'Your other sessions are signed out.' : `${username} is signed out everywhere and signs in with the new password.`}{' '}
          API tokens keep working.
        </p>
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <TextField label="New password" name="password" type="password" autoComplete="new-password" value={password}
          onChange={(e) => setPassword(e.target.value)} error={errors.password} help={`At least ${PASSWORD_MIN} characters.`} />
        <FormError message={leftoverMessage(errors, SHOWN, fromClient ? null : error)} />
        <FormActions onCancel={onClose} busy={busy} submit="Reset password" />
      </form>
    </Dialog>
  );
}
