// The "Create token" dialog: a name, a role (at most one's own) and an optional lifetime in days, checked with the
// shared tokenCreateBodySchema; once the API answers, the same dialog shows the token, this once.
import { useState, type FormEvent } from 'react';
import { tokenCreateBodySchema, type Role, type TokenCreatedAnswer } from '@m2/shared';
import { Dialog } from '../../components/Dialog';
import { FormError, SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/Button';
import { fieldErrorsOf } from '../../app/errors';
import { leftoverMessage, useFormErrors, validate } from '../../app/form-errors';
import { TokenCreatedPanel } from './TokenCreatedPanel';

/** What the dialog submits. */
export interface TokenValues { name: string; role: Role; expiresInDays?: number }

const SHOWN = ['name', 'role', 'expiresInDays'];

/** Creates a token; `roles` are those the user may give it, `created` the API's answer once there is one. */
export function TokenDialog({ roles, created, error, busy, onSubmit, onClose }: {
  roles: Role[]; created?: TokenCreatedAnswer; error: unknown; busy: boolean;
  onSubmit: (v: TokenValues) => void; onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>(roles[roles.length - 1] ?? 'viewer');
  const [days, setDays] = useState('');
  const { errors, fromClient, check } = useFormErrors(fieldErrorsOf(error));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { name: name.trim(), role, ...(days.trim() ? { expiresInDays: Number(days) } : {}) };
    if (check(validate(tokenCreateBodySchema, body))) onSubmit(body);
  };
  return (
    <Dialog title="Create token" onClose={onClose}>
      {created ? <TokenCreatedPanel token={created} onDone={onClose} /> : (
        <form onSubmit={submit} noValidate>
          <TextField label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name}
            help="What the token is for, such as deploy-bot." autoComplete="off" />
          <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)} error={errors.role}
            options={roles.map((r): [string, string] => [r, r])} help="What the token may do; at most your own role." />
          <TextField label="Expires in days" name="expiresInDays" type="number" inputMode="numeric" min={1} max={3650} value={days}
            onChange={(e) => setDays(e.target.value)} error={errors.expiresInDays} help="Optional; empty means it never expires." />
          <FormError message={leftoverMessage(errors, SHOWN, fromClient ? null : error)} />
          <FormActions onCancel={onClose} busy={busy} submit="Create token" />
        </form>
      )}
    </Dialog>
  );
}
