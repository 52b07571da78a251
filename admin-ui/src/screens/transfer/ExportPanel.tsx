// Export the configuration (every server, or one) as an m2sh config file, the text `m2sh load` reads back: shown
// read-only and offered as a download made from a Blob URL in the browser. Presentational.
import { useEffect, useState } from 'react';
import { SelectField, TextAreaField } from '../../components/Field';
import { Button } from '../../components/Button';

/** A server to choose from. */
export interface ServerChoice { id: number; label: string }

/** A Blob URL for `text` while it is shown (null where the environment makes none). */
function useDownloadUrl(text: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (text === undefined || typeof URL.createObjectURL !== 'function') return setUrl(null);
    const made = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [text]);
  return url;
}

/** The export form and its result. */
export function ExportPanel({ servers, text, busy, onExport }: {
  servers: ServerChoice[]; text?: string; busy: boolean; onExport: (serverId?: number) => void;
}) {
  const [server, setServer] = useState('');
  const url = useDownloadUrl(text);
  return (
    <div className="export-panel">
      <div className="export-form">
        <SelectField label="Server" value={server} onChange={(e) => setServer(e.target.value)}
          options={[['', 'All servers'], ...servers.map((s): [string, string] => [String(s.id), s.label])]} />
        <Button kind="primary" busy={busy} onClick={() => onExport(server ? Number(server) : undefined)}>Export .conf</Button>
      </div>
      {text !== undefined && (
        <>
          <TextAreaField label="Exported configuration" readOnly rows={16} value={text} spellCheck={false} />
          {url && <a className="btn download-link" href={url} download="mongrel2.conf">Download mongrel2.conf</a>}
        </>
      )}
    </div>
  );
}
