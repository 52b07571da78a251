// Import and export (issue 6 §6): the configuration out as an m2sh config file, a config file in (previewed, then
// loaded in place of the configuration, as `m2sh load` does), and the whole database backed up and restored.
import { useId, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listQuery } from '../../queries/model';
import { useExport, useImport, useImportPreview, useRestoreBackup } from '../../queries/transfer';
import { PageHeader } from '../../components/bits';
import { useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { ExportPanel } from './ExportPanel';
import { ImportForm } from './ImportForm';
import { BackupForm } from './BackupForm';

function Section({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="muted">{intro}</p>
      {children}
    </section>
  );
}

/** The Import and export screen. */
export function TransferScreen(_props: { params: Record<string, string> }) {
  const servers = useQuery(listQuery('servers'));
  const canImport = useCan('operator');
  const isAdmin = useCan('admin');
  const toast = useToast();
  const exporting = useExport();
  const preview = useImportPreview();
  const imp = useImport();
  const restore = useRestoreBackup();
  const choices = (servers.data ?? []).map((s) => ({ id: s.id, label: s.name ? `${s.name} (${s.uuid})` : s.uuid }));

  return (
    <>
      <PageHeader title="Import and export" intro="Move the configuration in and out as m2sh config files, or the whole database as a backup." />
      <Section title="Export" intro="The configuration as an m2sh config file: m2sh load, or the import below, reads it back.">
        <ExportPanel servers={choices} text={exporting.data} busy={exporting.isPending} onExport={(id) => exporting.mutate(id)} />
      </Section>
      <Section title="Import" intro="Load a config file in place of the configuration. Preview first; nothing is written until you import.">
        <ImportForm canImport={canImport} preview={preview.data} result={imp.data} error={imp.error ?? preview.error}
          previewing={preview.isPending} importing={imp.isPending}
          onEdit={() => { if (preview.data || preview.error || imp.data || imp.error) { preview.reset(); imp.reset(); } }}
          onPreview={(v) => { imp.reset(); preview.mutate(v); }}
          onImport={(v) => imp.mutate(v, { onSuccess: () => { preview.reset(); toast({ kind: 'ok', title: 'Configuration imported', detail: 'Apply it to change what the servers serve.' }); } })} />
      </Section>
      <Section title="Backup" intro="The whole config database. Restoring one replaces the configuration; users and the commit log are kept.">
        <BackupForm canRestore={isAdmin} result={restore.data} error={restore.error} busy={restore.isPending}
          onRestore={(v) => restore.mutate(v, { onSuccess: () => toast({ kind: 'ok', title: 'Backup restored', detail: 'Apply it to change what the servers serve.' }) })} />
      </Section>
    </>
  );
}
