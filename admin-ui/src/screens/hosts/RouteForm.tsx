// The route form: a path, and its Target — a new Dir / Handler / Proxy typed in place, or an existing one (shared
// targets are reused, and editing their fields edits the shared target for every route that uses it). Checked with
// the shared schemas on submit; the API's field errors land next to the field they name.
import { useState, type FormEvent } from 'react';
import type { TargetKind } from '@m2/shared';
import type { Rec } from '../../queries/model';
import { needsRole } from '../../app/session';
import { FormActions } from '../../components/Button';
import { CheckField, SelectField, TextField, WhyField } from '../../components/Field';
import { FormProblem } from '../../components/FormProblem';
import { TargetFields } from '../../components/targets/TargetFields';
import { useFormErrors } from '../../app/form-errors';
import {
  TARGET_FIELDS, TARGET_KIND_OPTIONS, draftOf, emptyDraft, targetLabel, type TargetDrafts,
} from '../../components/targets/target-drafts';
import {
  apiErrorsOf, buildRouteSubmit, findTarget, shownPaths, usersOf, type RouteSubmit, type TargetLists,
} from './route-form-model';

type Draft = TargetDrafts[TargetKind];
type Edited = Record<string, { draft: Draft; version?: string }>;

/** The route form; `route` when editing one. */
export function RouteForm({ hostId, route, targets, routes, busy, routeError, targetError, canEdit = true, onSubmit, onCancel, onReload, reloading }: {
  hostId: number; route?: Rec<'routes'>; targets: TargetLists; routes: readonly Rec<'routes'>[]; busy?: boolean;
  routeError?: unknown; targetError?: unknown; canEdit?: boolean;
  onSubmit: (v: RouteSubmit) => void; onCancel: () => void; onReload?: () => void; reloading?: boolean;
}) {
  const [path, setPath] = useState(route?.path ?? '');
  const [reversed, setReversed] = useState(route?.reversed === 1);
  const [why, setWhy] = useState('');
  const [kind, setKind] = useState<TargetKind>(route?.target.kind ?? 'dir');
  const [picked, setPicked] = useState<Record<TargetKind, string>>(() => ({
    dir: 'new', handler: 'new', proxy: 'new', ...(route ? { [route.target.kind]: String(route.target.id) } : {}),
  }));
  const [edited, setEdited] = useState<Edited>({});
  const apiError = routeError ?? targetError;
  const { errors, fromClient, check } = useFormErrors(apiErrorsOf(routeError, targetError));

  const target = picked[kind];
  const rec = findTarget(targets, kind, target);
  const key = `${kind}:${target}`;
  const draft: Draft = edited[key]?.draft ?? (rec ? draftOf(kind, rec) : emptyDraft(kind));
  const setDraft = (d: Draft) => setEdited((e) => ({ ...e, [key]: { draft: d, version: e[key]?.version ?? rec?.version } }));
  const sharedBy = rec ? usersOf(routes, kind, rec.id) : 0;
  const targetErrors = Object.fromEntries(TARGET_FIELDS[kind].map((f) => [f, errors[`target.create.${String(f)}`]]));

  const options: [string, string][] = [
    ['new', `New ${kind}…`],
    ...(targets[kind] as Rec<'dirs' | 'handlers' | 'proxies'>[]).map((t): [string, string] => [String(t.id), targetLabel(kind, t)]),
  ];
  if (target !== 'new' && !rec) options.push([target, `${kind} ${target} (not found)`]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { submit: s, errors: found } = buildRouteSubmit({ hostId, path, reversed, kind, target, draft, draftVersion: edited[key]?.version }, targets, why);
    if (check(found)) onSubmit(s);
  };

  return (
    <form onSubmit={submit} noValidate>
      <TextField label="Path" value={path} onChange={(e) => setPath(e.target.value)} error={errors.path}
        help="A prefix such as /static/, optionally followed by a pattern" placeholder="/" autoComplete="off" />
      <div className="grid2">
        <SelectField label="Target kind" value={kind} options={TARGET_KIND_OPTIONS} error={errors['target.kind']}
          onChange={(e) => setKind(e.target.value as TargetKind)} />
        <SelectField label="Target" value={target} options={options} error={errors['target.id'] ?? errors.target}
          onChange={(e) => setPicked((p) => ({ ...p, [kind]: e.target.value }))} />
      </div>
      <fieldset className="target-fieldset">
        <legend>{rec ? targetLabel(kind, rec) : `New ${kind}`}</legend>
        {rec && (
          <p className="target-shared muted">
            {kind} {rec.id} is used by {sharedBy} route{sharedBy === 1 ? '' : 's'}
            {sharedBy > 1 ? '; editing its fields changes it for all of them.' : `; editing its fields edits the ${kind} itself.`}
          </p>
        )}
        {(target === 'new' || rec) && <TargetFields kind={kind} value={draft} onChange={setDraft} errors={targetErrors} />}
      </fieldset>
      <CheckField label="Reversed" checked={reversed} onChange={(e) => setReversed(e.target.checked)} error={errors.reversed}
        help="Kept for m2sh; the server does not read it" />
      <WhyField value={why} onChange={setWhy} />
      <FormProblem errors={errors} shown={shownPaths(kind)} apiError={fromClient ? null : apiError} onReload={onReload} reloading={reloading} />
      <FormActions onCancel={onCancel} busy={busy} submit={route ? 'Save route' : 'Create route'} needs={canEdit ? undefined : needsRole('operator')} />
    </form>
  );
}
