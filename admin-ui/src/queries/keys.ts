// Every query key of the console, in one place (principle 6): a mutation names exactly the keys it invalidates,
// and those keys come from here.
import type { ModelResourceName } from '@m2/shared';

/** The console's query keys. */
export const keys = {
  session: ['session'] as const,
  /** Everything of one model resource (lists and records). */
  model: (r: ModelResourceName) => ['model', r] as const,
  modelList: (r: ModelResourceName, filters: Record<string, string | number | undefined> = {}) => ['model', r, 'list', filters] as const,
  config: ['config'] as const,
  pending: ['config', 'pending'] as const,
  snapshots: ['config', 'snapshots'] as const,
  diff: (from: number | 'current', to: number | 'current') => ['config', 'diff', from, to] as const,
  log: ['log'] as const,
  logPage: (limit: number) => ['log', limit] as const,
  running: ['running'] as const,
  connections: (serverId: number) => ['running', serverId, 'connections'] as const,
  counters: (serverId: number) => ['running', serverId, 'counters'] as const,
  stats: (serverId: number) => ['running', serverId, 'stats'] as const,
  accessLog: (serverId: number) => ['running', serverId, 'access-log'] as const,
  users: ['users'] as const,
  tokens: ['tokens'] as const,
};
