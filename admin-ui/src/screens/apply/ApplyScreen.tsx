// Pending changes → Apply (/apply): what differs between the database and what the servers serve, and the apply
// that validates, reloads (or restarts) and probes each running server, then says honestly what happened —
// including a rollback to the previous configuration when a server failed.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useApply, pendingQuery } from '../../queries/config';
import { needsRole, useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { Link } from '../../app/router';
import { PageHeader, QueryState } from '../../components/bits';
import { ApplyForm } from './ApplyForm';
import { ApplyOutcomeView } from './ApplyOutcomeView';
import { PendingView, hasPending } from './PendingView';

/** The pending-changes screen with its apply form and outcome. */
export function ApplyScreen(_props: { params: Record<string, string> }) {
  const pending = useQuery(pendingQuery);
  const apply = useApply();
  const canApply = useCan('operator');
  const toast = useToast();
  const [applied, setApplied] = useState(0);
  const nothing = pending.data && !hasPending(pending.data);
  const disabledReason = !canApply ? needsRole('operator')
    : nothing ? 'Nothing to apply: the servers serve what the database holds' : undefined;
  const onApply = (why: string) => apply.mutate({ why }, {
    onSuccess: (o) => { toast({ kind: 'ok', title: `Applied (snapshot ${o.snapshotId})` }); setApplied((n) => n + 1); },
  });
  return (
    <>
      <PageHeader title="Pending changes"
        intro={<>Edits go into the database first; the running servers keep serving what they have until you apply. Past applies are in the <Link to="/log">commit log</Link>.</>} />
      <QueryState loading={pending.isPending} error={pending.error}>
        {pending.data && <PendingView pending={pending.data} />}
      </QueryState>
      <ApplyForm key={applied} onApply={onApply} busy={apply.isPending} disabledReason={disabledReason} error={apply.error} />
      {!apply.isPending && <ApplyOutcomeView outcome={apply.data} error={apply.error} />}
    </>
  );
}
