// "Restore version N": why (required, the commit log keeps it) and whether to apply it now; afterwards the honest
// outcome — restored into the database, and the apply's result, including a failed apply's rollback.
import { useState, type FormEvent } from 'react';
import { ApiClientError, ApiErr, restoreBodySchema, type RestoreAnswer } from '@m2/shared';
import { fieldErrorsOf, describeError } from '../../app/errors';
import { useFormErrors, validate } from '../../app/form-errors';
import { Link } from '../../app/router';
import { Button, FormActions } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { CheckField, FormError, TextAreaField } from '../../components/Field';
import { ApplyOutcomeView } from '../apply/ApplyOutcomeView';

/** The restore dialog of version `id`; `answer`/`error` are the restore's result once it ran. */
export function RestoreDialog({ id, onRestore, onClose, busy, error, answer }: {
  id: number; onRestore: (v: { why: string; apply: boolean }) => void; onClose: () => void;
  busy: boolean; error?: unknown; answer?: RestoreAnswer;
}) {
  const [why, setWhy] = useState('');
  const [apply, setApply] = useState(true);
  const applyFailed = error instanceof ApiClientError && error.code === ApiErr.APPLY_FAILED;
  const api = fieldErrorsOf(error);
  const { errors, check, clear } = useFormErrors(api);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (check(validate(restoreBodySchema, { why, apply }))) onRestore({ why: why.trim(), apply });
  };
  const done = !!answer || applyFailed;
  const refusal = error && !applyFailed && !api.why ? (api[''] ?? describeError(error).title) : undefined;
  return (
    <Dialog title={`Restore version ${id}`} onClose={onClose} wide={done}>
      {!done && (
        <form onSubmit={submit} noValidate>
          <p>Version {id} replaces the configuration in the database; the commit log records it.</p>
          <TextAreaField label="Why" value={why} rows={3} error={errors.why} onChange={(e) => { setWhy(e.target.value); clear(); }} />
          <CheckField label="Apply it now" checked={apply} onChange={(e) => setApply(e.target.checked)}
            help="Otherwise it waits in Pending changes until you apply it." />
          <FormError message={refusal} />
          <FormActions onCancel={onClose} busy={busy} submit="Restore" />
        </form>
      )}
      {answer && (
        <p role="status">
          Version {answer.restored} is back in the database (recorded as snapshot {answer.snapshotId}).
          {!answer.apply && <> The servers serve it once you <Link to="/apply">apply the pending changes</Link>.</>}
        </p>
      )}
      {applyFailed && <p>Version {id} was written into the database, but applying it failed.</p>}
      {done && <ApplyOutcomeView outcome={answer?.apply} error={applyFailed ? error : undefined} />}
      {done && <div className="actions"><Button onClick={onClose}>Close</Button></div>}
    </Dialog>
  );
}
