// Export / import of m2sh config files, database backup restore, and the route tester. An import or a restore
// rewrites the model, so they invalidate every model key, pending and the log.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouteTestBody } from '@m2/shared';
import { api } from '../app/api';
import { keys } from './keys';

function useModelReplaced() {
  const qc = useQueryClient();
  return () => Promise.all([['model'], keys.config, keys.log].map((k) => qc.invalidateQueries({ queryKey: k })));
}

/** Exports one server (or all) as m2sh config text. */
export function useExport() {
  return useMutation({ mutationFn: (serverId?: number) => api.transfer.exportConf(serverId) });
}

/** What importing `source` would change. */
export function useImportPreview() {
  return useMutation({ mutationFn: (v: { source: string; filename?: string }) => api.transfer.importPreview(v.source, v.filename), meta: { quiet: true } });
}

/** Imports `source` in place of the configuration. */
export function useImport() {
  const done = useModelReplaced();
  return useMutation({ mutationFn: (v: { source: string; why: string; filename?: string }) => api.transfer.importConf(v.source, v.why, v.filename), onSuccess: done, meta: { quiet: true } });
}

/** Restores the config tables from a database backup. */
export function useRestoreBackup() {
  const done = useModelReplaced();
  return useMutation({ mutationFn: (v: { file: Uint8Array; why: string }) => api.transfer.restoreBackup(v.file, v.why), onSuccess: done, meta: { quiet: true } });
}

/** Explains which server, host, route and target would serve a URL. */
export function useRouteTest() {
  return useMutation({ mutationFn: (body: RouteTestBody) => api.transfer.routeTest(body), meta: { quiet: true } });
}
