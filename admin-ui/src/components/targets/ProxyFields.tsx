// The fields of a Proxy target (spec §7): the HTTP backend requests are passed through to.
import { TextField } from '../Field';
import type { FieldGroupProps } from './DirFields';
import type { ProxyDraft } from './target-drafts';

/** The fields of a Proxy. */
export function ProxyFields({ value, onChange, errors, disabled }: FieldGroupProps<ProxyDraft>) {
  return (
    <div className="grid2">
      <TextField label="Address" value={value.addr} onChange={(e) => onChange({ ...value, addr: e.target.value })} error={errors.addr} disabled={disabled}
        placeholder="127.0.0.1" help="IP address or host name of the backend" />
      <TextField label="Port" type="number" inputMode="numeric" min={1} max={65535} value={value.port} onChange={(e) => onChange({ ...value, port: e.target.value })}
        error={errors.port} disabled={disabled} />
    </div>
  );
}
