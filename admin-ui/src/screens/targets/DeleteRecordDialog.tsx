// "Are you sure?" for deleting one model record (a server, host, route or target), sent with the version it was
// read at; a refusal (a target still in use, a server's default host, a stale read) is shown in the dialog.
import { useState, type ReactNode } from 'react';
import type { ModelResourceName } from '@m2/shared';
import { useRemove } from '../../queries/model';
import { useToast } from '../../app/toasts';
import { ConfirmDialog } from '../../components/Dialog';
import { CheckField, FormError } from '../../components/Field';

/** Deletes `record` of `resource` once confirmed; `cascade` offers (checked) to delete what belongs to it too. */
export function DeleteRecordDialog({ resource, record, title, message, cascade, done, onClose, onDeleted }: {
  resource: ModelResourceName; record: { id: number; version: string }; title: string; message: ReactNode;
  /** The label of the cascade checkbox; absent when nothing belongs to the record. */
  cascade?: string; done: string; onClose: () => void; onDeleted?: () => void;
}) {
  const remove = useRemove(resource, { quiet: true });
  const toast = useToast();
  const [withCascade, setWithCascade] = useState(true);
  const confirm = () => remove.mutate({ id: record.id, version: record.version, cascade: !!cascade && withCascade }, {
    onSuccess: () => { toast({ kind: 'ok', title: done }); onClose(); onDeleted?.(); },
  });
  return (
    <ConfirmDialog title={title} confirm="Delete" busy={remove.isPending} onConfirm={confirm} onClose={onClose}
      message={(
        <>
          <p>{message}</p>
          {cascade && <CheckField label={cascade} checked={withCascade} onChange={(e) => setWithCascade(e.target.checked)} />}
          <FormError message={remove.error ? remove.error.message : null} />
        </>
      )} />
  );
}
