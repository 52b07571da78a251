// One version's diff, fetched when opened: against the version before it (what that apply changed) or against
// the database now (what restoring it would change).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SnapshotInfo } from '@m2/shared';
import { diffQuery } from '../../queries/config';
import { QueryState } from '../../components/bits';
import { DiffView } from '../../components/DiffView';
import { SelectField } from '../../components/Field';

/** The diff of `snapshot` against `previous` or the current database. */
export function SnapshotDiff({ snapshot, previous }: { snapshot: SnapshotInfo; previous?: SnapshotInfo }) {
  const [against, setAgainst] = useState<'previous' | 'current'>(previous ? 'previous' : 'current');
  const q = useQuery(against === 'previous' && previous ? diffQuery(previous.id, snapshot.id) : diffQuery(snapshot.id, 'current'));
  const options: [string, string][] = [
    ...(previous ? [['previous', `Version ${previous.id} (the one before)`] as [string, string]] : []),
    ['current', 'The database now'],
  ];
  return (
    <div>
      <SelectField label={`Compare version ${snapshot.id} with`} value={against} options={options} onChange={(e) => setAgainst(e.target.value as 'previous' | 'current')} />
      <QueryState loading={q.isPending} error={q.error}>
        {q.data && <DiffView diff={q.data} empty={against === 'current' ? 'The database holds exactly this version.' : 'No differences.'} />}
      </QueryState>
    </div>
  );
}
