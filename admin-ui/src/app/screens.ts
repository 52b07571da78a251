// The console's screens: URL pattern, the navigation entry (and command-palette entry) and the component. The
// nouns are Mongrel2's (principle 1).
import type { ComponentType } from 'react';
import type { FetchQueryOptions } from '@tanstack/react-query';
import type { Role } from '@m2/shared';
import { listQuery } from '../queries/model';
import { pendingQuery, snapshotsQuery } from '../queries/config';
import { runningQuery } from '../queries/running';
import { logQuery } from '../queries/log';
import { tokensQuery, usersQuery } from '../queries/auth';
import { OverviewScreen } from '../screens/overview/OverviewScreen';
import { ServersScreen } from '../screens/servers/ServersScreen';
import { HostsScreen } from '../screens/hosts/HostsScreen';
import { HostScreen } from '../screens/hosts/HostScreen';
import { HandlersScreen } from '../screens/targets/HandlersScreen';
import { DirsScreen } from '../screens/targets/DirsScreen';
import { ProxiesScreen } from '../screens/targets/ProxiesScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { MimetypesScreen } from '../screens/mimetypes/MimetypesScreen';
import { LogScreen } from '../screens/log/LogScreen';
import { LiveScreen } from '../screens/live/LiveScreen';
import { ControlScreen } from '../screens/control/ControlScreen';
import { RouteTesterScreen } from '../screens/route-tester/RouteTesterScreen';
import { ApplyScreen } from '../screens/apply/ApplyScreen';
import { TransferScreen } from '../screens/transfer/TransferScreen';
import { UsersScreen } from '../screens/users/UsersScreen';

/** A screen of the console. */
export interface ScreenDef {
  path: string;
  /** The title (navigation, palette and document title); absent for screens reached from another one. */
  title: string;
  nav?: { group: 'Run' | 'Configure' | 'Change' | 'Admin'; to: string };
  /** The weakest role that sees it in the navigation. */
  role?: Role;
  component: ComponentType<{ params: Record<string, string> }>;
  /** What the screen reads first: fetched when its navigation link is pointed at or focused, so opening it does
   *  not wait on a request waterfall. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of queries with different data types; TanStack's option types are invariant in them
  prefetch?: () => FetchQueryOptions<any, any, any, any>[];
}

const MODEL_EDITOR = () => [listQuery('hosts'), listQuery('servers'), listQuery('routes')];

/** Every screen, in navigation order. */
export const SCREENS: ScreenDef[] = [
  { path: '/', title: 'Overview', nav: { group: 'Run', to: '/' }, component: OverviewScreen, prefetch: () => [runningQuery, pendingQuery, listQuery('hosts'), listQuery('routes')] },
  { path: '/live', title: 'Live connections', nav: { group: 'Run', to: '/live' }, component: LiveScreen, prefetch: () => [runningQuery] },
  { path: '/live/:serverId', title: 'Live connections', component: LiveScreen },
  { path: '/control', title: 'Control console', nav: { group: 'Run', to: '/control' }, component: ControlScreen, prefetch: () => [runningQuery] },
  { path: '/control/:serverId', title: 'Control console', component: ControlScreen },
  { path: '/route-tester', title: 'Route tester', nav: { group: 'Run', to: '/route-tester' }, component: RouteTesterScreen, prefetch: () => [listQuery('servers')] },
  { path: '/servers', title: 'Servers', nav: { group: 'Configure', to: '/servers' }, component: ServersScreen, prefetch: () => [listQuery('servers'), runningQuery, listQuery('hosts')] },
  { path: '/hosts', title: 'Hosts and routes', nav: { group: 'Configure', to: '/hosts' }, component: HostsScreen, prefetch: MODEL_EDITOR },
  { path: '/hosts/:id', title: 'Host', component: HostScreen },
  { path: '/handlers', title: 'Handlers', nav: { group: 'Configure', to: '/handlers' }, component: HandlersScreen, prefetch: () => [listQuery('handlers'), ...MODEL_EDITOR()] },
  { path: '/dirs', title: 'Dirs', nav: { group: 'Configure', to: '/dirs' }, component: DirsScreen, prefetch: () => [listQuery('dirs'), ...MODEL_EDITOR()] },
  { path: '/proxies', title: 'Proxies', nav: { group: 'Configure', to: '/proxies' }, component: ProxiesScreen, prefetch: () => [listQuery('proxies'), ...MODEL_EDITOR()] },
  { path: '/settings', title: 'Settings', nav: { group: 'Configure', to: '/settings' }, component: SettingsScreen, prefetch: () => [listQuery('settings')] },
  { path: '/mimetypes', title: 'MIME types', nav: { group: 'Configure', to: '/mimetypes' }, component: MimetypesScreen, prefetch: () => [listQuery('mimetypes')] },
  { path: '/apply', title: 'Pending changes', nav: { group: 'Change', to: '/apply' }, component: ApplyScreen, prefetch: () => [pendingQuery] },
  { path: '/log', title: 'Commit log', nav: { group: 'Change', to: '/log' }, component: LogScreen, prefetch: () => [logQuery(), snapshotsQuery] },
  { path: '/transfer', title: 'Import and export', nav: { group: 'Change', to: '/transfer' }, component: TransferScreen, prefetch: () => [listQuery('servers')] },
  { path: '/users', title: 'Users and API tokens', nav: { group: 'Admin', to: '/users' }, component: UsersScreen, prefetch: () => [tokensQuery, usersQuery] },
];
