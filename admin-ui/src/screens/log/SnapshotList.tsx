// The applied versions (snapshots), newest first: what kind each is, who took it, why and when, a diff to open
// inline and a restore (operator). The diff itself is fetched by the screen (renderDiff).
import { useState, type ReactNode } from 'react';
import type { SnapshotInfo, SnapshotKind } from '@m2/shared';
import { needsRole } from '../../app/session';
import { Badge } from '../../components/bits';
import { Button } from '../../components/Button';
import { TimeAgo } from './TimeAgo';

const KIND_TONE: Record<SnapshotKind, 'ok' | 'bad' | 'info' | 'muted'> = { applied: 'ok', failed: 'bad', restored: 'info', baseline: 'muted' };

/** The snapshot list; `renderDiff` shows a snapshot's diff against the one before it (`previous`, if any). */
export function SnapshotList({ snapshots, now, canRestore, onRestore, renderDiff }: {
  snapshots: SnapshotInfo[]; now: Date; canRestore: boolean; onRestore: (s: SnapshotInfo) => void;
  renderDiff: (s: SnapshotInfo, previous: SnapshotInfo | undefined) => ReactNode;
}) {
  const [open, setOpen] = useState<number | null>(null);
  if (snapshots.length === 0) return <p className="muted">Nothing has been applied yet.</p>;
  return (
    <ol className="snapshots" aria-label="Applied versions">
      {snapshots.map((s, i) => (
        <li key={s.id} className="snapshot">
          <div className="snapshot-head">
            <strong>Version {s.id}</strong> <Badge tone={KIND_TONE[s.kind]}>{s.kind}</Badge>
            <span className="muted"> by {s.who} · <TimeAgo text={s.createdAt} now={now} /></span>
          </div>
          <div className={s.why ? '' : 'muted'}>{s.why ?? 'No reason given'}</div>
          <div className="page-actions snapshot-actions">
            <Button kind="ghost" aria-expanded={open === s.id} aria-label={`Show diff of version ${s.id}`} onClick={() => setOpen(open === s.id ? null : s.id)}>
              {open === s.id ? 'Hide diff' : 'Show diff'}
            </Button>
            <Button aria-label={`Restore version ${s.id}`} disabled={!canRestore} title={canRestore ? undefined : needsRole('operator')} onClick={() => onRestore(s)}>Restore</Button>
          </div>
          {open === s.id && <div className="snapshot-diff">{renderDiff(s, snapshots[i + 1])}</div>}
        </li>
      ))}
    </ol>
  );
}
