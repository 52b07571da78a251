// The server form (spec §1.1): one mongrel2 process — its name and UUID, where it listens, its default host, logs,
// PID file, chroot and control port. New servers get a fresh UUID and the paths Mongrel2's sample config uses.
// Checked with serverInputSchema on submit; the API's field errors (a port or PID file clash) land on their field.
import { useState, type FormEvent } from 'react';
import { serverInputSchema, type ServerInput } from '@m2/shared';
import type { Rec } from '../../queries/model';
import { fieldErrorsOf } from '../../app/errors';
import { needsRole } from '../../app/session';
import { FormActions } from '../../components/Button';
import { CheckField, TextField, WhyField } from '../../components/Field';
import { FormProblem } from '../../components/FormProblem';
import { useFormErrors, validate } from '../../app/form-errors';
import { numberOf } from '../../components/targets/target-drafts';

type Text = 'name' | 'uuid' | 'bindAddr' | 'port' | 'defaultHost' | 'accessLog' | 'errorLog' | 'pidFile' | 'chroot' | 'controlPort';

const SHOWN = ['name', 'uuid', 'bindAddr', 'port', 'defaultHost', 'accessLog', 'errorLog', 'pidFile', 'chroot', 'controlPort', 'useSsl'];

/** A random version-4 UUID (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function initialText(s?: Rec<'servers'>): Record<Text, string> {
  if (s) {
    return { name: s.name, uuid: s.uuid, bindAddr: s.bindAddr, port: String(s.port), defaultHost: s.defaultHost, accessLog: s.accessLog,
      errorLog: s.errorLog, pidFile: s.pidFile, chroot: s.chroot, controlPort: s.controlPort };
  }
  return { name: '', uuid: newUuid(), bindAddr: '0.0.0.0', port: '', defaultHost: 'localhost', accessLog: '/logs/access.log',
    errorLog: '/logs/error.log', pidFile: '/run/mongrel2.pid', chroot: './', controlPort: '' };
}

/** The server form; `server` when editing one. */
export function ServerForm({ server, busy, error, canEdit = true, onSubmit, onCancel, onReload, reloading }: {
  server?: Rec<'servers'>; busy?: boolean; error?: unknown; canEdit?: boolean;
  onSubmit: (v: { body: ServerInput; why: string }) => void; onCancel: () => void; onReload?: () => void; reloading?: boolean;
}) {
  const [text, setText] = useState(() => initialText(server));
  const [useSsl, setUseSsl] = useState(server?.useSsl === 1);
  const [why, setWhy] = useState('');
  const { errors, fromClient, check } = useFormErrors(fieldErrorsOf(error));
  const field = (k: Text) => ({ value: text[k], error: errors[k], autoComplete: 'off', onChange: (e: { target: { value: string } }) => setText((t) => ({ ...t, [k]: e.target.value })) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...text,
      port: numberOf(text.port),
      useSsl: useSsl ? 1 : 0,
      ...(server ? { errorLogLevel: server.errorLogLevel } : {}),
    } as ServerInput;
    if (check(validate(serverInputSchema, body))) onSubmit({ body, why: why.trim() });
  };

  return (
    <form onSubmit={submit} noValidate>
      <div className="grid2">
        <TextField label="Name" {...field('name')} help="Optional: how the console and m2sh name it" />
        <TextField label="UUID" {...field('uuid')} className="mono" />
        <TextField label="Bind address" {...field('bindAddr')} help="0.0.0.0 listens on every address" />
        <TextField label="Port" type="number" inputMode="numeric" min={1} max={65535} {...field('port')} />
        <TextField label="Default host" {...field('defaultHost')} help="Serves requests no host matches; created with the server" />
        <TextField label="Control port" {...field('controlPort')} help="Optional ZeroMQ endpoint; empty uses the control_port setting" placeholder="ipc://run/control" />
        <TextField label="Access log" {...field('accessLog')} />
        <TextField label="Error log" {...field('errorLog')} />
        <TextField label="PID file" {...field('pidFile')} />
        <TextField label="Chroot" {...field('chroot')} help="Directory the paths above are relative to" />
      </div>
      <CheckField label="Use SSL" checked={useSsl} onChange={(e) => setUseSsl(e.target.checked)} error={errors.useSsl} />
      <WhyField value={why} onChange={setWhy} />
      <FormProblem errors={errors} shown={SHOWN} apiError={fromClient ? null : error} onReload={onReload} reloading={reloading} />
      <FormActions onCancel={onCancel} busy={busy} submit={server ? 'Save server' : 'Create server'} needs={canEdit ? undefined : needsRole('operator')} />
    </form>
  );
}
