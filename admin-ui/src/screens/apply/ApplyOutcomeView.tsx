// The "Apply result" region: Applied or Not applied, the API's reason, each server's action and probe, the
// validation problems of a refused configuration, and — when a failed apply was rolled back — which snapshot
// was put back and how each server took it. Shared by Pending changes and the commit log's restore.
import type { ApplyOutcome } from '@m2/shared';
import { readApplyResult } from './apply-result';
import { ServerOutcomes } from './ServerOutcomes';

/** Renders an apply's outcome (`outcome`) or failure (`error`); nothing while there is neither. */
export function ApplyOutcomeView({ outcome, error }: { outcome?: ApplyOutcome; error?: unknown }) {
  const result = readApplyResult(outcome, error);
  if (!result) return null;
  const o = result.outcome;
  return (
    <section className={`card apply-result ${result.applied ? 'apply-ok' : 'apply-failed'}`} aria-label="Apply result">
      <h2>{result.applied ? 'Applied' : 'Not applied'}</h2>
      {result.message && (
        <p className="outcome-bad" role="alert">{result.message}{result.code && <> <code>{result.code}</code></>}</p>
      )}
      {result.problems.length > 0 && (
        <>
          <h3>Validation problems</h3>
          <ul aria-label="Validation problems">
            {result.problems.map((p, i) => <li key={i}>{p.message}</li>)}
          </ul>
        </>
      )}
      {o && (
        <>
          <p className="muted">{result.applied ? 'Recorded' : 'The attempt is kept'} as snapshot {o.snapshotId}.</p>
          <h3>Servers</h3>
          <ServerOutcomes servers={o.servers} label="Servers after the apply" />
        </>
      )}
      {o?.rollback && (
        <>
          <h3>Rollback</h3>
          <p>The previous configuration was restored (snapshot {o.rollback.snapshotId})</p>
          <ServerOutcomes servers={o.rollback.servers} label="Servers after the rollback" />
        </>
      )}
    </section>
  );
}
