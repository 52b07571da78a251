// MIME types (spec §1.4): the extension → Content-Type table Dir targets answer with. Search, page, add, edit and
// delete; every write is one logged change like any other model write.
import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listQuery, useCreate, useRemove, useUpdate, type Rec } from '../../queries/model';
import { PageHeader, QueryState } from '../../components/bits';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { needsRole, useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { MimetypeTable } from './MimetypeTable';
import { MimetypeDialog, type MimetypeValues } from './MimetypeDialog';

type Open = { kind: 'add' } | { kind: 'edit'; row: Rec<'mimetypes'> } | { kind: 'delete'; row: Rec<'mimetypes'> } | null;

/** The MIME types screen. */
export function MimetypesScreen(_props: { params: Record<string, string> }) {
  const mimetypes = useQuery(listQuery('mimetypes'));
  const canEdit = useCan('operator');
  const toast = useToast();
  const create = useCreate('mimetypes', { quiet: true });
  const update = useUpdate('mimetypes', { quiet: true });
  const remove = useRemove('mimetypes');
  const [open, setOpen] = useState<Open>(null);
  const close = useCallback(() => setOpen(null), []);
  const start = (o: Open) => { create.reset(); update.reset(); setOpen(o); };

  const save = (v: MimetypeValues) => {
    const body = { extension: v.extension, mimetype: v.mimetype };
    const done = { onSuccess: () => { toast({ kind: 'ok', title: `${v.extension} is ${v.mimetype}` }); close(); } };
    if (open?.kind === 'edit') update.mutate({ id: open.row.id, version: open.row.version, body, why: v.why || undefined }, done);
    else create.mutate({ body, why: v.why || undefined }, done);
  };
  const del = (row: Rec<'mimetypes'>) => remove.mutate({ id: row.id, version: row.version }, {
    onSuccess: () => { toast({ kind: 'ok', title: `${row.extension} deleted` }); close(); },
  });

  return (
    <>
      <PageHeader title="MIME types" intro="The Content-Type a Dir answers with, by file extension."
        actions={<Button kind="primary" disabled={!canEdit} title={canEdit ? undefined : needsRole('operator')} onClick={() => start({ kind: 'add' })}>Add MIME type</Button>} />
      <QueryState loading={mimetypes.isPending} error={mimetypes.error}>
        <MimetypeTable rows={mimetypes.data ?? []} canEdit={canEdit} onEdit={(row) => start({ kind: 'edit', row })} onDelete={(row) => setOpen({ kind: 'delete', row })} />
      </QueryState>
      {open?.kind === 'add' && <MimetypeDialog error={create.error} busy={create.isPending} onSubmit={save} onClose={close} />}
      {open?.kind === 'edit' && <MimetypeDialog initial={open.row} error={update.error} busy={update.isPending} onSubmit={save} onClose={close} />}
      {open?.kind === 'delete' && (
        <ConfirmDialog title={`Delete ${open.row.extension}?`} confirm="Delete" busy={remove.isPending} onClose={close} onConfirm={() => del(open.row)}
          message={<p>After the next apply, Dirs no longer send <code>{open.row.mimetype}</code> for <code>{open.row.extension}</code> files.</p>} />
      )}
    </>
  );
}
