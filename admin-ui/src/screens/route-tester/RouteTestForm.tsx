// The route tester's form: a URL (a path or an absolute URL whose authority is the host), an optional Host
// header and, when there are several, the server. Checked with the API's own schema before sending; the API's
// field errors land next to the field they name.
import { useState, type FormEvent } from 'react';
import { routeTestBodySchema, type RouteTestBody } from '@m2/shared';
import { fieldErrorsOf } from '../../app/errors';
import { leftoverMessage, useFormErrors, validate } from '../../app/form-errors';
import { Button } from '../../components/Button';
import { FormError, SelectField, TextField } from '../../components/Field';

/** The form's starting values (from the URL's query). */
export interface RouteTestInitial { url: string; host: string; serverId: string }

const SHOWN = ['url', 'host', 'serverId'];

/** The route tester's form; `servers` are [id, label] pairs. */
export function RouteTestForm({ servers, initial, onTest, busy, error }: {
  servers: [string, string][]; initial: RouteTestInitial; onTest: (body: RouteTestBody) => void; busy: boolean; error?: unknown;
}) {
  const [v, setV] = useState(initial);
  const { errors, fromClient, check, hide } = useFormErrors(fieldErrorsOf(error));
  const set = (k: keyof RouteTestInitial) => (e: { target: { value: string } }) => { setV({ ...v, [k]: e.target.value }); hide(); };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { url: v.url.trim(), ...(v.host.trim() ? { host: v.host.trim() } : {}), ...(v.serverId ? { serverId: Number(v.serverId) } : {}) };
    if (check(validate(routeTestBodySchema, body))) onTest(body);
  };
  const options: [string, string][] = servers.length === 1 ? [['', servers[0]![1]]] : [['', 'The first server'], ...servers];
  return (
    <form className="card route-form" onSubmit={submit} noValidate aria-label="Test a URL">
      <div className="grid2">
        <TextField label="URL" value={v.url} onChange={set('url')} placeholder="/path or http://host/path" error={errors.url} autoComplete="off" />
        <TextField label="Host header" value={v.host} onChange={set('host')} placeholder="optional: example.com" error={errors.host}
          help="Without it the server's default host answers; an absolute URL's host takes its place." />
        {servers.length > 0 && <SelectField label="Server" value={v.serverId} onChange={set('serverId')} options={options} error={errors.serverId} />}
      </div>
      <FormError message={leftoverMessage(errors, SHOWN, fromClient ? null : error)} />
      <div className="actions"><Button type="submit" kind="primary" busy={busy}>Test</Button></div>
    </form>
  );
}
