// The fields of a Handler target (spec §3.1): the ZeroMQ PUSH endpoint mongrel2 binds and its identity, the SUB
// endpoint replies come back on, the request encoding and whether payloads pass raw.
import { CheckField, SelectField, TextField } from '../Field';
import type { FieldGroupProps } from './DirFields';
import type { HandlerDraft } from './target-drafts';

const PROTOCOLS: [string, string][] = [['json', 'json'], ['tnetstring', 'tnetstring']];

/** The fields of a Handler. */
export function HandlerFields({ value, onChange, errors, disabled }: FieldGroupProps<HandlerDraft>) {
  const set = (k: Exclude<keyof HandlerDraft, 'rawPayload'>) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <div className="grid2">
      <TextField label="Send spec" value={value.sendSpec} onChange={set('sendSpec')} error={errors.sendSpec} disabled={disabled}
        placeholder="tcp://127.0.0.1:9997" help="Where requests are pushed to the handler" />
      <TextField label="Send ident" value={value.sendIdent} onChange={set('sendIdent')} error={errors.sendIdent} disabled={disabled}
        help="The sending socket's identity, usually a UUID" />
      <TextField label="Recv spec" value={value.recvSpec} onChange={set('recvSpec')} error={errors.recvSpec} disabled={disabled}
        placeholder="tcp://127.0.0.1:9996" help="Where replies come back" />
      <TextField label="Recv ident" value={value.recvIdent} onChange={set('recvIdent')} error={errors.recvIdent} disabled={disabled}
        help="Subscription filter; usually empty" />
      <SelectField label="Protocol" value={value.protocol} onChange={set('protocol')} options={PROTOCOLS} error={errors.protocol} disabled={disabled} />
      <CheckField label="Raw payload" checked={value.rawPayload} onChange={(e) => onChange({ ...value, rawPayload: e.target.checked })}
        error={errors.rawPayload} disabled={disabled} help="Pass JSON/XML socket messages undecoded" />
    </div>
  );
}
