// The API tokens table: one's own tokens (an admin sees everyone's) with owner, role, dates and a Revoke button
// named by the token. Presentational.
import type { TokenInfo } from '@m2/shared';
import { DataTable, type Column } from '../../components/DataTable';
import { Badge } from '../../components/bits';

/** An ISO time as the browser's local date and time. */
export function when(iso: string): string {
  return new Date(iso).toLocaleString();
}

/** The tokens; `onRevoke` asks to revoke one. */
export function TokensTable({ tokens, now = Date.now(), onRevoke }: { tokens: TokenInfo[]; now?: number; onRevoke: (t: TokenInfo) => void }) {
  const columns: Column<TokenInfo>[] = [
    { key: 'name', header: 'Name', render: (t) => t.name, value: (t) => t.name },
    { key: 'user', header: 'User', render: (t) => t.user, value: (t) => t.user },
    { key: 'role', header: 'Role', render: (t) => t.role, value: (t) => t.role },
    { key: 'created', header: 'Created', render: (t) => when(t.createdAt), value: (t) => t.createdAt },
    {
      key: 'expires', header: 'Expires', value: (t) => t.expiresAt ?? '~',
      render: (t) => (t.expiresAt === null ? <span className="muted">never</span>
        : Date.parse(t.expiresAt) <= now ? <Badge tone="bad">expired {when(t.expiresAt)}</Badge> : when(t.expiresAt)),
    },
    { key: 'used', header: 'Last used', render: (t) => (t.lastUsedAt ? when(t.lastUsedAt) : <span className="muted">never</span>), value: (t) => t.lastUsedAt ?? '' },
    {
      key: 'actions', header: 'Actions',
      render: (t) => <button type="button" className="btn btn-danger" aria-label={`Revoke ${t.name}`} onClick={() => onRevoke(t)}>Revoke</button>,
    },
  ];
  return <DataTable caption="API tokens" rows={tokens} columns={columns} rowKey={(t) => t.id} empty="No API tokens yet." />;
}
