// The "Add user" dialog (admin): a username of letters, digits and . _ @ -, a password of at least PASSWORD_MIN
// characters and a role, checked with the shared userCreateBodySchema; a taken name comes back on Username.
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN, ROLES, userCreateBodySchema, type Role } from '@m2/shared';
import { Dialog } from '../../components/Dialog';
import { FormError, SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/Button';
import { fieldErrorsOf } from '../../app/errors';
import { leftoverMessage, useFormErrors, validate } from '../../app/form-errors';

/** What the dialog submits. */
export interface UserValues { username: string; password: string; role: Role }

const SHOWN = ['username', 'password', 'role'];

/** Adds a console user. */
export function UserDialog({ error, busy, onSubmit, onClose }: {
  error: unknown; busy: boolean; onSubmit: (v: UserValues) => void; onClose: () => void;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const { errors, fromClient, check } = useFormErrors(fieldErrorsOf(error));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { username: username.trim(), password, role };
    if (check(validate(userCreateBodySchema, body))) onSubmit(body);
  };
  return (
    <Dialog title="Add user" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField label="Username" name="username" autoComplete="off" spellCheck={false} value={username}
          onChange={(e) => setUsername(e.target.value)} error={errors.username} help="Letters, digits and . _ @ -" />
        <TextField label="Password" name="password" type="password" autoComplete="new-password" value={password}
          onChange={(e) => setPassword(e.target.value)} error={errors.password} help={`At least ${PASSWORD_MIN} characters.`} />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)} error={errors.role}
          options={ROLES.map((r): [string, string] => [r, r])} help="A viewer reads; an operator also edits and applies; an admin also manages users." />
        <FormError message={leftoverMessage(errors, SHOWN, fromClient ? null : error)} />
        <FormActions onCancel={onClose} busy={busy} submit="Create user" />
      </form>
    </Dialog>
  );
}
