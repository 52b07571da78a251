// The form of one Dir, Handler or Proxy on its own screen: the same field group the route form uses, checked with
// the kind's shared input schema on submit; editing a target used by several routes says so.
import { useState, type FormEvent } from 'react';
import type { TargetKind } from '@m2/shared';
import { fieldErrorsOf } from '../../app/errors';
import { needsRole } from '../../app/session';
import { FormActions } from '../../components/Button';
import { WhyField } from '../../components/Field';
import { FormProblem } from '../../components/FormProblem';
import { TargetFields } from '../../components/targets/TargetFields';
import { useFormErrors, validate } from '../../app/form-errors';
import {
  TARGET_FIELDS, TARGET_SCHEMAS, draftOf, emptyDraft, inputOf, type TargetDrafts, type TargetRecords,
} from '../../components/targets/target-drafts';

/** The form of a target of `kind`; `target` when editing one, `usedBy` the routes pointing at it. */
export function TargetForm<K extends TargetKind>({ kind, target, usedBy = 0, busy, error, canEdit = true, onSubmit, onCancel, onReload, reloading }: {
  kind: K; target?: TargetRecords[K]; usedBy?: number; busy?: boolean; error?: unknown; canEdit?: boolean;
  onSubmit: (v: { body: unknown; why: string }) => void; onCancel: () => void; onReload?: () => void; reloading?: boolean;
}) {
  const [draft, setDraft] = useState<TargetDrafts[K]>(() => (target ? draftOf(kind, target) : emptyDraft(kind)));
  const [why, setWhy] = useState('');
  const { errors, fromClient, check } = useFormErrors(fieldErrorsOf(error));
  const shown = TARGET_FIELDS[kind].map(String);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = inputOf(kind, draft);
    if (check(validate(TARGET_SCHEMAS[kind], body))) onSubmit({ body, why: why.trim() });
  };

  return (
    <form onSubmit={submit} noValidate>
      {target && usedBy > 0 && (
        <p className="target-shared muted">
          Used by {usedBy} route{usedBy === 1 ? '' : 's'}{usedBy > 1 ? '; saving changes it for all of them.' : '.'}
        </p>
      )}
      <TargetFields kind={kind} value={draft} onChange={setDraft} errors={errors} />
      <WhyField value={why} onChange={setWhy} />
      <FormProblem errors={errors} shown={shown} apiError={fromClient ? null : error} onReload={onReload} reloading={reloading} />
      <FormActions onCancel={onCancel} busy={busy} submit={target ? `Save ${kind}` : `Create ${kind}`} needs={canEdit ? undefined : needsRole('operator')} />
    </form>
  );
}
