// The commit log (/log): every change m2sh or the console made to the configuration — who, what, why, when,
// how — and the applied versions (snapshots) with their diffs and a restore, which can apply at once.
import { useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SnapshotInfo } from '@m2/shared';
import { logQuery } from '../../queries/log';
import { snapshotsQuery, useRestoreSnapshot } from '../../queries/config';
import { useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { PageHeader, QueryState } from '../../components/bits';
import { LogTimeline } from './LogTimeline';
import { RestoreDialog } from './RestoreDialog';
import { SnapshotDiff } from './SnapshotDiff';
import { SnapshotList } from './SnapshotList';

/** The current time, refreshed every `ms` so relative times move on. */
function useNow(ms: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

/** The commit-log screen. */
export function LogScreen(_props: { params: Record<string, string> }) {
  const log = useQuery(logQuery());
  const snapshots = useQuery(snapshotsQuery);
  const canRestore = useCan('operator');
  const restore = useRestoreSnapshot({ quiet: true });
  const toast = useToast();
  const now = useNow(30000);
  const [restoring, setRestoring] = useState<SnapshotInfo | null>(null);
  const close = useCallback(() => setRestoring(null), []);
  const open = (s: SnapshotInfo) => { restore.reset(); setRestoring(s); };
  const onRestore = (v: { why: string; apply: boolean }) => {
    if (!restoring) return;
    restore.mutate({ id: restoring.id, ...v }, {
      onSuccess: (a) => toast({ kind: 'ok', title: `Version ${a.restored} restored${a.apply ? ' and applied' : ''}` }),
    });
  };
  return (
    <>
      <PageHeader title="Commit log" intro="Every change to the configuration, from m2sh or this console, and the versions applied to the servers." />
      <section className="card" aria-labelledby="log-changes">
        <h2 id="log-changes">Changes</h2>
        <QueryState loading={log.isPending} error={log.error}>
          {log.data && <LogTimeline entries={log.data} now={now} />}
        </QueryState>
      </section>
      <section className="card" aria-labelledby="log-versions">
        <h2 id="log-versions">Applied versions</h2>
        <QueryState loading={snapshots.isPending} error={snapshots.error}>
          {snapshots.data && (
            <SnapshotList snapshots={snapshots.data} now={now} canRestore={canRestore} onRestore={open}
              renderDiff={(s, previous) => <SnapshotDiff snapshot={s} previous={previous} />} />
          )}
        </QueryState>
      </section>
      {restoring && (
        <RestoreDialog id={restoring.id} onRestore={onRestore} onClose={close}
          busy={restore.isPending} error={restore.error ?? undefined} answer={restore.data} />
      )}
    </>
  );
}
