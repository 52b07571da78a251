// The "Server" picker of the per-server screens (Live connections, Control console), and which server they show
// when the URL names none: the first running one, since a stopped server has nothing to show.
import type { RunningServer } from '@m2/shared';
import { SelectField } from '../../components/Field';

/** The server the URL names (`param`), else the first running one, else the first; undefined when none fits. */
export function pickServer(servers: RunningServer[], param: string | undefined): RunningServer | undefined {
  if (param !== undefined) return servers.find((s) => String(s.id) === param);
  return servers.find((s) => s.running) ?? servers[0];
}

/** A server's name as the console shows it. */
export function serverLabel(s: { name: string; uuid: string }): string {
  return s.name || s.uuid;
}

/** The labelled server select; `onPick` gets the chosen server's id. */
export function ServerSelect({ servers, value, onPick }: { servers: RunningServer[]; value: number | undefined; onPick: (id: number) => void }) {
  const options: [string, string][] = servers.map((s) => [String(s.id), `${serverLabel(s)}${s.running ? '' : ' (stopped)'}`]);
  if (value === undefined) options.unshift(['', 'Choose a server']);
  return (
    <div className="server-select">
      <SelectField label="Server" value={value === undefined ? '' : String(value)} options={options} onChange={(e) => { if (e.target.value) onPick(Number(e.target.value)); }} />
    </div>
  );
}
