// The dialog that adds or edits one MIME type: extension (with its leading dot, as Mongrel2 stores it) and media
// type. The shared mimetypeInputSchema runs on submit; the API's field errors (a taken extension) land inline.
import { useState, type FormEvent } from 'react';
import { mimetypeInputSchema } from '@m2/shared';
import { Dialog } from '../../components/Dialog';
import { FormError, TextField } from '../../components/Field';
import { FormActions } from '../../components/Button';
import { fieldErrorsOf } from '../../app/errors';
import { leftoverMessage, useFormErrors, validate } from '../../app/form-errors';

/** What the dialog submits. */
export interface MimetypeValues { extension: string; mimetype: string; why: string }

const SHOWN = ['extension', 'mimetype'];

/** Adds a MIME type or, given `initial`, edits it. */
export function MimetypeDialog({ initial, error, busy, onSubmit, onClose }: {
  initial?: { extension: string; mimetype: string }; error: unknown; busy: boolean;
  onSubmit: (v: MimetypeValues) => void; onClose: () => void;
}) {
  const [extension, setExtension] = useState(initial?.extension ?? '');
  const [mimetype, setMimetype] = useState(initial?.mimetype ?? '');
  const [why, setWhy] = useState('');
  const { errors, fromClient, check } = useFormErrors(fieldErrorsOf(error));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { extension: extension.trim(), mimetype: mimetype.trim() };
    if (check(validate(mimetypeInputSchema, body))) onSubmit({ ...body, why: why.trim() });
  };
  return (
    <Dialog title={initial ? `MIME type ${initial.extension}` : 'Add MIME type'} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField label="Extension" name="extension" value={extension} onChange={(e) => setExtension(e.target.value)} error={errors.extension}
          help="With its leading dot, as in .html." autoComplete="off" spellCheck={false} />
        <TextField label="MIME type" name="mimetype" value={mimetype} onChange={(e) => setMimetype(e.target.value)} error={errors.mimetype}
          help="type/subtype, as in text/html." autoComplete="off" spellCheck={false} />
        <TextField label="Why" name="why" value={why} onChange={(e) => setWhy(e.target.value)} help="Goes to the commit log." />
        <FormError message={leftoverMessage(errors, SHOWN, fromClient ? null : error)} />
        <FormActions onCancel={onClose} busy={busy} submit="Save MIME type" />
      </form>
    </Dialog>
  );
}
