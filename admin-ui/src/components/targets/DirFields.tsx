// The fields of a Dir target (spec §6): where its files are, the index file, the content type of files whose
// extension has no MIME type, and how long clients may cache them.
import { TextField } from '../Field';
import type { DirDraft } from './target-drafts';

/** Props of a target's field group: the draft, its change, and errors by field name. */
export interface FieldGroupProps<D> { value: D; onChange: (next: D) => void; errors: Partial<Record<string, string>>; disabled?: boolean }

/** The fields of a Dir. */
export function DirFields({ value, onChange, errors, disabled }: FieldGroupProps<DirDraft>) {
  const set = (k: keyof DirDraft) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  return (
    <div className="grid2">
      <TextField label="Base" value={value.base} onChange={set('base')} error={errors.base} disabled={disabled}
        help="Directory served, relative to the chroot; ends with /" placeholder="./public/" />
      <TextField label="Index file" value={value.indexFile} onChange={set('indexFile')} error={errors.indexFile} disabled={disabled} />
      <TextField label="Default content type" value={value.defaultCtype} onChange={set('defaultCtype')} error={errors.defaultCtype} disabled={disabled}
        help="For files whose extension has no MIME type" />
      <TextField label="Cache TTL" type="number" inputMode="numeric" min={0} value={value.cacheTtl} onChange={set('cacheTtl')} error={errors.cacheTtl} disabled={disabled}
        help="Seconds; 0 sends no max-age" />
    </div>
  );
}
