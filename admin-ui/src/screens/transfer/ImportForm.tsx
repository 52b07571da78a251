// Import an m2sh config file: choose a file (it fills the text) or paste the text, preview what it would change,
// then say why and import it in place of the configuration. A file that does not load is listed problem by
// problem (`file:line:col: message`, as the API and m2sh say it) under the text. Presentational.
import { useState, type ChangeEvent } from 'react';
import { ApiClientError, importBodySchema, type ImportPreview, type ImportResult } from '@m2/shared';
import { FormError, TextAreaField, TextField } from '../../components/Field';
import { Button } from '../../components/Button';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { useFormErrors, validate } from '../../app/form-errors';
import { needsRole } from '../../app/session';
import { ImportPreviewView } from './ImportPreviewView';
import { readText } from './read-file';

/** A config file to send: its text and the name messages call it by. */
export interface ImportSource { source: string; filename?: string }

/** The problems of a refused file: every field error but the why's. */
export function sourceProblems(error: unknown): string[] {
  if (!(error instanceof ApiClientError)) return [];
  return error.fields.filter((f) => f.path !== 'why').map((f) => (f.path === 'source' || f.path === '' ? f.message : `${f.path}: ${f.message}`));
}

/** The import form; `onEdit` says the text changed (so an older preview no longer holds). */
export function ImportForm({ canImport, preview, result, error, previewing, importing, onPreview, onImport, onEdit }: {
  canImport: boolean; preview?: ImportPreview; result?: ImportResult; error: unknown; previewing: boolean; importing: boolean;
  onPreview: (v: ImportSource) => void; onImport: (v: ImportSource & { why: string }) => void; onEdit: () => void;
}) {
  const [source, setSource] = useState('');
  const [filename, setFilename] = useState<string | undefined>();
  const [why, setWhy] = useState('');
  const [readError, setReadError] = useState<string | undefined>();
  const problems = sourceProblems(error);
  const api = fieldErrorsOf(error);
  const { errors, check } = useFormErrors(api);
  const edit = (text: string) => { setSource(text); onEdit(); };
  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    readText(file).then(
      (text) => { setFilename(file.name); setReadError(undefined); edit(text); },
      (err: unknown) => setReadError(`${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  const doImport = () => {
    // Only the why is the operator's to fix here; the API judges the text itself and lists its problems above.
    const whyProblem = validate(importBodySchema, { source, why, ...(filename ? { filename } : {}) }).why;
    if (check(whyProblem ? { why: whyProblem } : {})) onImport({ source, filename, why: why.trim() });
  };
  return (
    <div className="import-form">
      <TextField label="Config file to import" type="file" accept=".conf,.py,text/plain" onChange={choose} error={readError}
        help={filename ? `Read ${filename}; edit the text below if you like.` : 'Or paste the text below.'} />
      <TextAreaField label="Config text" name="source" rows={14} value={source} spellCheck={false}
        onChange={(e) => edit(e.target.value)} aria-invalid={problems.length ? true : undefined} />
      {problems.length > 0 && (
        <div role="alert">
          <ul className="source-errors" aria-label="Problems in the config file">
            {problems.map((p, i) => <li key={i}><code>{p}</code></li>)}
          </ul>
        </div>
      )}
      <FormError message={error && !problems.length && !api.why ? describeError(error).title : null} />
      <div className="actions">
        <Button onClick={() => onPreview({ source, filename })} busy={previewing} disabled={!source.trim()}
          title={source.trim() ? undefined : 'choose a file or paste its text first'}>Preview import</Button>
      </div>
      {result && (
        <div className="import-result">
          <h3>Imported</h3>
          <ImportPreviewView preview={result} label="Changes made" />
        </div>
      )}
      {preview && !result && (
        <>
          <ImportPreviewView preview={preview} />
          <TextField label="Why" name="why" value={why} onChange={(e) => setWhy(e.target.value)} error={errors.why}
            help="Goes to the commit log." />
          <div className="actions">
            <Button kind="primary" busy={importing} disabled={!canImport} title={canImport ? undefined : needsRole('operator')} onClick={doImport}>Import</Button>
          </div>
        </>
      )}
    </div>
  );
}
