// The host form (spec §5.2): the server it belongs to, its name, the matching text Host headers are matched
// against (the name when left blank, as m2sh does), the maintenance flag and the commit log's why. Checked with
// hostInputSchema on submit; the API's field errors land next to their field.
import { useState, type FormEvent } from 'react';
import { hostInputSchema, type HostInput } from '@m2/shared';
import type { Rec } from '../../queries/model';
import { fieldErrorsOf } from '../../app/errors';
import { needsRole } from '../../app/session';
import { FormActions } from '../../components/Button';
import { CheckField, SelectField, TextField, WhyField } from '../../components/Field';
import { FormProblem } from '../../components/FormProblem';
import { useFormErrors, validate } from '../../app/form-errors';

const SHOWN = ['serverId', 'name', 'matching', 'maintenance'];

/** The host form; `host` when editing one. */
export function HostForm({ servers, host, busy, error, canEdit = true, onSubmit, onCancel, onReload, reloading }: {
  servers: readonly Rec<'servers'>[]; host?: Rec<'hosts'>; busy?: boolean; error?: unknown; canEdit?: boolean;
  onSubmit: (v: { body: HostInput; why: string }) => void; onCancel: () => void; onReload?: () => void; reloading?: boolean;
}) {
  const only = servers.length === 1 ? String(servers[0]!.id) : '';
  const [serverId, setServerId] = useState(host ? String(host.serverId) : only);
  const [name, setName] = useState(host?.name ?? '');
  const [matching, setMatching] = useState(host && host.matching !== host.name ? host.matching : '');
  const [maintenance, setMaintenance] = useState(host?.maintenance === 1);
  const [why, setWhy] = useState('');
  const { errors, fromClient, check } = useFormErrors(fieldErrorsOf(error));

  const options: [string, string][] = [
    ...(serverId === '' ? [['', 'Choose a server…'] as [string, string]] : []),
    ...servers.map((s): [string, string] => [String(s.id), s.name || s.uuid]),
  ];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...(serverId === '' ? {} : { serverId: Number(serverId) }),
      name: name.trim(),
      ...(matching.trim() ? { matching: matching.trim() } : {}),
      maintenance: maintenance ? 1 : 0,
    } as HostInput;
    if (check(validate(hostInputSchema, body))) onSubmit({ body, why: why.trim() });
  };

  return (
    <form onSubmit={submit} noValidate>
      <SelectField label="Server" value={serverId} options={options} error={errors.serverId} onChange={(e) => setServerId(e.target.value)} />
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} placeholder="example.com" autoComplete="off" />
      <TextField label="Matching" value={matching} onChange={(e) => setMatching(e.target.value)} error={errors.matching}
        help="Optional: what Host headers are matched against; defaults to the name" autoComplete="off" />
      <CheckField label="Maintenance" checked={maintenance} onChange={(e) => setMaintenance(e.target.checked)} error={errors.maintenance} />
      <WhyField value={why} onChange={setWhy} />
      <FormProblem errors={errors} shown={SHOWN} apiError={fromClient ? null : error} onReload={onReload} reloading={reloading} />
      <FormActions onCancel={onCancel} busy={busy} submit={host ? 'Save host' : 'Create host'} needs={canEdit ? undefined : needsRole('operator')} />
    </form>
  );
}
