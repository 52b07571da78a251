// The console's users (admin): name, role (changed in place with a select per row) and when they were added, and
// Reset password and Delete buttons named by the user. Presentational; the role shown while a change is under way is the chosen one.
import { useState } from 'react';
import { ROLES, type Role, type UserInfo } from '@m2/shared';
import { DataTable, type Column } from '../../components/DataTable';
import { when } from './TokensTable';

/** The users; `onRole` changes a role (settled when the API answered), `onDelete` asks to delete a user. */
export function UsersTable({ users, me, onRole, onReset, onDelete }: {
  users: UserInfo[]; me: string; onRole: (user: UserInfo, role: Role) => Promise<unknown>; onReset: (user: UserInfo) => void;
  onDelete: (user: UserInfo) => void;
}) {
  const [chosen, setChosen] = useState<Record<string, Role>>({});
  const change = (u: UserInfo, role: Role) => {
    setChosen((c) => ({ ...c, [u.username]: role }));
    void onRole(u, role).catch(() => undefined).finally(() => setChosen(({ [u.username]: _, ...rest }) => rest));
  };
  const columns: Column<UserInfo>[] = [
    { key: 'username', header: 'Username', render: (u) => <>{u.username}{u.username === me && <span className="muted"> (you)</span>}</>, value: (u) => u.username },
    {
      key: 'role', header: 'Role', value: (u) => ROLES.indexOf(u.role),
      render: (u) => (
        <form aria-label={`Change role of ${u.username}`} onSubmit={(e) => e.preventDefault()}>
          <select aria-label={`Role of ${u.username}`} value={chosen[u.username] ?? u.role} aria-busy={chosen[u.username] !== undefined || undefined}
            onChange={(e) => change(u, e.target.value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </form>
      ),
    },
    { key: 'created', header: 'Created', render: (u) => when(u.createdAt), value: (u) => u.createdAt },
    {
      key: 'actions', header: 'Actions',
      render: (u) => (
        <span className="row-actions">
          <button type="button" className="btn" aria-label={`Reset password of ${u.username}`} onClick={() => onReset(u)}>Reset password</button>
          <button type="button" className="btn btn-danger" aria-label={`Delete user ${u.username}`} onClick={() => onDelete(u)}>Delete</button>
        </span>
      ),
    },
  ];
  return <DataTable caption="Users" rows={users} columns={columns} rowKey={(u) => u.username} />;
}
