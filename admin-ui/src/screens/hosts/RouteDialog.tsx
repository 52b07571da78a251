// The "Add route" / "Edit route <path>" dialog: loads the targets a route may point at, then writes what the form
// asks — first the edited existing target (PUT with its version), then the route (POST, or PUT with its version) —
// and keeps the failing write's error for the form to show inline.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { listQuery, useCreate, useUpdate, type Rec } from '../../queries/model';
import { useCan } from '../../app/session';
import { useToast } from '../../app/toasts';
import { Dialog } from '../../components/Dialog';
import { QueryState } from '../../components/bits';
import { RouteForm } from './RouteForm';
import type { RouteSubmit } from './route-form-model';

/** Adds a route to host `hostId`, or edits `route`; `onClose` must be stable (the dialog refocuses when it changes). */
export function RouteDialog({ hostId, route, onClose }: { hostId: number; route?: Rec<'routes'>; onClose: () => void }) {
  const routes = useQuery(listQuery('routes'));
  const dirs = useQuery(listQuery('dirs'));
  const handlers = useQuery(listQuery('handlers'));
  const proxies = useQuery(listQuery('proxies'));
  const create = useCreate('routes', { quiet: true });
  const update = useUpdate('routes', { quiet: true });
  const updaters = { dir: useUpdate('dirs', { quiet: true }), handler: useUpdate('handlers', { quiet: true }), proxy: useUpdate('proxies', { quiet: true }) };
  const canEdit = useCan('operator');
  const toast = useToast();
  const [failure, setFailure] = useState<{ at: 'route' | 'target'; error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [reloading, setReloading] = useState(false);

  const save = async (v: RouteSubmit) => {
    setBusy(true);
    setFailure(null);
    let at: 'route' | 'target' = 'target';
    const why = v.why || undefined;
    try {
      if (v.targetEdit) {
        const t = v.targetEdit;
        await updaters[t.kind].mutateAsync({ id: t.id, body: t.body, version: t.version, why });
      }
      at = 'route';
      const rec = route
        ? await update.mutateAsync({ id: route.id, body: v.body, version: route.version, why })
        : await create.mutateAsync({ body: v.body, why });
      toast({ kind: 'ok', title: `${route ? 'Saved' : 'Created'} route ${rec.path}` });
      onClose();
    } catch (error) {
      setFailure({ at, error });
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    setReloading(true);
    await Promise.all([routes.refetch(), dirs.refetch(), handlers.refetch(), proxies.refetch()]);
    setReloading(false);
    setFailure(null);
    setReloads((n) => n + 1);
  };

  const lists = [routes, dirs, handlers, proxies];
  const title = route ? `Edit route ${route.path}` : 'Add route';
  return (
    <Dialog title={title} onClose={onClose} wide>
      <QueryState loading={lists.some((q) => q.isPending)} error={lists.find((q) => q.error)?.error}>
        <RouteForm key={`${route?.version ?? 'new'}:${reloads}`} hostId={hostId} route={route}
          targets={{ dir: dirs.data ?? [], handler: handlers.data ?? [], proxy: proxies.data ?? [] }} routes={routes.data ?? []}
          busy={busy} canEdit={canEdit} onSubmit={(v) => void save(v)} onCancel={onClose} onReload={() => void reload()} reloading={reloading}
          routeError={failure?.at === 'route' ? failure.error : undefined} targetError={failure?.at === 'target' ? failure.error : undefined} />
      </QueryState>
    </Dialog>
  );
}
