// The dialog that sets one setting (a catalogue key, its value checked as Mongrel2 would read it) or adds a free
// key. The shared settingInputSchema runs on submit; the API's field errors land next to Key or Value.
import { useState, type FormEvent } from 'react';
import { SETTINGS_CATALOG, isKnownSetting, settingInputSchema, type SettingInfo } from '@m2/shared';
import { Dialog } from '../../components/Dialog';
import { FormError, TextField } from '../../components/Field';
import { FormActions } from '../../components/Button';
import { fieldErrorsOf } from '../../app/errors';
import { leftoverMessage, useFormErrors, validate } from '../../app/form-errors';

/** What the dialog submits. */
export interface SettingValues { key: string; value: string; why: string }

const SHOWN = ['key', 'value'];

const KINDS = { int: 'a whole number', bool: '0 or 1', string: 'text' } as const;

/** The help under Value: the catalogue's line, the default and what kind of value is read. */
export function settingHelp(info: SettingInfo): string {
  return `${info.help} Default: ${info.default ?? 'unset'}; ${KINDS[info.type]}.`;
}

/** Sets `fixedKey` (Set/Edit) or, with none, a key the operator types (Add setting). */
export function SettingDialog({ fixedKey, initialValue = '', error, busy, onSubmit, onClose }: {
  fixedKey?: string; initialValue?: string; error: unknown; busy: boolean;
  onSubmit: (v: SettingValues) => void; onClose: () => void;
}) {
  const [key, setKey] = useState(fixedKey ?? '');
  const [value, setValue] = useState(initialValue);
  const [why, setWhy] = useState('');
  const k = fixedKey ?? key.trim();
  const info = isKnownSetting(k) ? SETTINGS_CATALOG[k] : undefined;
  const { errors, fromClient, check } = useFormErrors(fieldErrorsOf(error));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (check(validate(settingInputSchema, { key: k, value }))) onSubmit({ key: k, value, why: why.trim() });
  };
  return (
    <Dialog title={fixedKey ? `Setting ${fixedKey}` : 'Add setting'} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        {fixedKey === undefined && (
          <TextField label="Key" name="key" value={key} onChange={(e) => setKey(e.target.value)} error={errors.key}
            help="Any key; the ones Mongrel2 reads have their values checked." autoComplete="off" spellCheck={false} />
        )}
        <TextField label="Value" name="value" value={value} onChange={(e) => setValue(e.target.value)} error={errors.value}
          help={info ? settingHelp(info) : 'Free text: Mongrel2 does not read this key.'} autoComplete="off" spellCheck={false} />
        <TextField label="Why" name="why" value={why} onChange={(e) => setWhy(e.target.value)} help="Goes to the commit log." />
        <FormError message={leftoverMessage(errors, SHOWN, fromClient ? null : error)} />
        <FormActions onCancel={onClose} busy={busy} submit="Save setting" />
      </form>
    </Dialog>
  );
}
