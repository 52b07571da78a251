// Users and API tokens (issue 6 §8): one's own password, API tokens (one's own; an admin sees all), and, for an
// admin, the console's users and their roles. Every change is written to the commit log by the API.
import { useCallback, useId, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ROLES, roleAllows, type TokenInfo, type UserInfo } from '@m2/shared';
import { tokensQuery, useChangePassword, useTokenMutations, useUserMutations, usersQuery } from '../../queries/auth';
import { PageHeader, QueryState } from '../../components/bits';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { needsRole, useCan, useSession } from '../../app/session';
import { useToast } from '../../app/toasts';
import { PasswordForm } from './PasswordForm';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { TokensTable } from './TokensTable';
import { TokenDialog } from './TokenDialog';
import { UsersTable } from './UsersTable';
import { UserDialog } from './UserDialog';

type Open = { kind: 'token' } | { kind: 'revoke'; token: TokenInfo } | { kind: 'user' } | { kind: 'reset'; user: UserInfo }
  | { kind: 'delete'; user: UserInfo } | null;

function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <div className="users-card-head"><h2 id={id}>{title}</h2>{actions}</div>
      {children}
    </section>
  );
}

/** The Users and API tokens screen. */
export function UsersScreen(_props: { params: Record<string, string> }) {
  const { user: me } = useSession();
  const isAdmin = useCan('admin');
  const toast = useToast();
  const tokens = useQuery(tokensQuery);
  const users = useQuery({ ...usersQuery, enabled: isAdmin });
  const password = useChangePassword();
  const tokenOps = useTokenMutations();
  const userOps = useUserMutations();
  const [open, setOpen] = useState<Open>(null);
  const [passwordForm, setPasswordForm] = useState(0);
  const resetToken = tokenOps.create.reset;
  const resetUser = userOps.create.reset;
  const resetReset = userOps.reset.reset;
  const close = useCallback(() => { setOpen(null); resetToken(); resetUser(); resetReset(); }, [resetToken, resetUser, resetReset]);
  const tokenRoles = ROLES.filter((r) => roleAllows(me.role, r));

  return (
    <>
      <PageHeader title="Users and API tokens" intro={`Signed in as ${me.username} (${me.role}).`} />
      <Section title="Your password">
        <PasswordForm key={passwordForm} username={me.username} error={password.error} busy={password.isPending}
          onSubmit={(v) => password.mutate(v, { onSuccess: () => { setPasswordForm((n) => n + 1); password.reset(); toast({ kind: 'ok', title: 'Password changed', detail: 'Your other sessions were signed out.' }); } })} />
      </Section>
      <Section title="API tokens" actions={<Button kind="primary" onClick={() => { tokenOps.create.reset(); setOpen({ kind: 'token' }); }}>Create token</Button>}>
        <p className="muted">A token lets a script use the API as you (send it as <code>Authorization: Bearer …</code>), with your role or a weaker one.</p>
        <QueryState loading={tokens.isPending} error={tokens.error}>
          <TokensTable tokens={tokens.data ?? []} onRevoke={(token) => setOpen({ kind: 'revoke', token })} />
        </QueryState>
      </Section>
      <Section title="Users" actions={<Button kind="primary" disabled={!isAdmin} title={isAdmin ? undefined : needsRole('admin')} onClick={() => { userOps.create.reset(); setOpen({ kind: 'user' }); }}>Add user</Button>}>
        {isAdmin ? (
          <QueryState loading={users.isPending} error={users.error}>
            <UsersTable users={users.data ?? []} me={me.username} onDelete={(user) => setOpen({ kind: 'delete', user })}
              onReset={(user) => { userOps.reset.reset(); setOpen({ kind: 'reset', user }); }}
              onRole={(u, role) => userOps.update.mutateAsync({ username: u.username, role }).then(() => toast({ kind: 'ok', title: `${u.username} is now ${role}` }))} />
          </QueryState>
        ) : <p className="muted">Only admins manage users. Ask an admin to add someone or change a role.</p>}
      </Section>
      {open?.kind === 'token' && (
        <TokenDialog roles={tokenRoles} created={tokenOps.create.data} error={tokenOps.create.error} busy={tokenOps.create.isPending} onClose={close}
          onSubmit={(v) => tokenOps.create.mutate(v, { onSuccess: (t) => toast({ kind: 'ok', title: `Token ${t.name} created` }) })} />
      )}
      {open?.kind === 'revoke' && (
        <ConfirmDialog title={`Revoke ${open.token.name}?`} confirm="Revoke" busy={tokenOps.revoke.isPending} onClose={close}
          message={<p>Scripts using the token <strong>{open.token.name}</strong> of {open.token.user} are refused from now on.</p>}
          onConfirm={() => tokenOps.revoke.mutate(open.token.id, { onSuccess: () => { toast({ kind: 'ok', title: `Token ${open.token.name} revoked` }); close(); } })} />
      )}
      {open?.kind === 'user' && (
        <UserDialog error={userOps.create.error} busy={userOps.create.isPending} onClose={close}
          onSubmit={(v) => userOps.create.mutate(v, { onSuccess: () => { toast({ kind: 'ok', title: `User ${v.username} created` }); close(); } })} />
      )}
      {open?.kind === 'reset' && (
        <ResetPasswordDialog username={open.user.username} self={open.user.username === me.username} error={userOps.reset.error}
          busy={userOps.reset.isPending} onClose={close}
          onSubmit={(password) => userOps.reset.mutate({ username: open.user.username, password }, {
            onSuccess: () => { toast({ kind: 'ok', title: `Password of ${open.user.username} reset` }); close(); },
          })} />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog title={`Delete user ${open.user.username}?`} confirm="Delete user" busy={userOps.remove.isPending} onClose={close}
          message={<p>{open.user.username} is signed out and their API tokens stop working. The commit log keeps their changes.</p>}
          onConfirm={() => userOps.remove.mutate(open.user.username, { onSuccess: () => { toast({ kind: 'ok', title: `User ${open.user.username} deleted` }); close(); } })} />
      )}
    </>
  );
}
