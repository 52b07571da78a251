// The whole config.sqlite out and back in (admin): a download link, and a restore that replaces Mongrel2's config
// tables with a backup's after a confirmation (users and the commit log are kept). Presentational.
import { useState, type FormEvent } from 'react';
import { importBodySchema, type RestoreResult } from '@m2/shared';
import { FormError, TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { DataTable } from '../../components/DataTable';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { needsRole } from '../../app/session';
import { readBytes } from './read-file';

/** What a restore sends: the database file's bytes and why. */
export interface RestoreValues { file: Uint8Array; why: string }

/** The backup download and the restore form; `canRestore` is the admin role. */
export function BackupForm({ canRestore, result, error, busy, onRestore }: {
  canRestore: boolean; result?: RestoreResult; error: unknown; busy: boolean; onRestore: (v: RestoreValues) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [why, setWhy] = useState('');
  const [local, setLocal] = useState<{ file?: string; why?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const api = fieldErrorsOf(error);
  const fileError = local.file ?? api.body;
  const whyError = local.why ?? api.why;
  const denied = canRestore ? undefined : needsRole('admin');
  const ask = (e: FormEvent) => {
    e.preventDefault();
    const whyChecked = importBodySchema.shape.why.safeParse(why);
    const next = { file: file ? undefined : 'choose a backup file (a config.sqlite) first', why: whyChecked.success ? undefined : whyChecked.error.issues[0]?.message };
    setLocal(next);
    if (!next.file && !next.why) setConfirming(true);
  };
  const restore = async () => {
    setConfirming(false);
    if (!file) return;
    try {
      onRestore({ file: await readBytes(file), why: why.trim() });
    } catch (e) {
      setLocal({ file: `the file could not be read: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  return (
    <>
      <p>
        {canRestore
          ? <a className="btn download-link" href="/api/backup" download>Download backup</a>
          : <a className="btn download-link" role="link" aria-disabled="true" title={denied}>Download backup</a>}
      </p>
      <form onSubmit={ask} noValidate>
        <TextField label="Backup file" type="file" accept=".sqlite,.sqlite3,.db,application/vnd.sqlite3" disabled={!canRestore} title={denied}
          onChange={(e) => { setFile(e.target.files?.[0] ?? null); setLocal({}); }} error={fileError} help="A config.sqlite, such as one downloaded above." />
        <TextField label="Why" name="why" value={why} onChange={(e) => setWhy(e.target.value)} disabled={!canRestore} error={whyError}
          help="Goes to the commit log." />
        <FormError message={error && !api.body && !api.why ? describeError(error).title : null} />
        <div className="actions">
          <Button type="submit" kind="danger" busy={busy} disabled={!canRestore} title={denied}>Restore backup</Button>
        </div>
      </form>
      {result && (
        <div className="restore-result">
          <p><strong>Restored.</strong> The tables now hold:</p>
          <DataTable caption="Restored rows" rows={Object.entries(result.rows)} rowKey={([t]) => t}
            columns={[{ key: 'table', header: 'Table', render: ([t]) => <code>{t}</code> }, { key: 'rows', header: 'Rows', className: 'num', render: ([, n]) => n }]} />
        </div>
      )}
      {confirming && (
        <ConfirmDialog title="Restore backup?" confirm="Restore backup" onClose={() => setConfirming(false)} onConfirm={() => void restore()}
          message={<p>This replaces the whole configuration (servers, hosts, routes, targets, settings, MIME types) with the backup's{file ? <> from <code>{file.name}</code></> : null}. Users and the commit log are kept. Running servers change only when you apply.</p>} />
      )}
    </>
  );
}
