// The console's screens: URL pattern, the navigation entry (and command-palette entry) and the component. The
// nouns are Mongrel2's (principle 1).
import type { ComponentType } from 'react';
import type { Role } from '@m2/shared';
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
}

/** Every screen, in navigation order. */
export const SCREENS: ScreenDef[] = [
  { path: '/', title: 'Overview', nav: { group: 'Run', to: '/' }, component: OverviewScreen },
  { path: '/live', title: 'Live connections', nav: { group: 'Run', to: '/live' }, component: LiveScreen },
  { path: '/live/:serverId', title: 'Live connections', component: LiveScreen },
  { path: '/control', title: 'Control console', nav: { group: 'Run', to: '/control' }, component: ControlScreen },
  { path: '/control/:serverId', title: 'Control console', component: ControlScreen },
  { path: '/route-tester', title: 'Route tester', nav: { group: 'Run', to: '/route-tester' }, component: RouteTesterScreen },
  { path: '/servers', title: 'Servers', nav: { group: 'Configure', to: '/servers' }, component: ServersScreen },
  { path: '/hosts', title: 'Hosts and routes', nav: { group: 'Configure', to: '/hosts' }, component: HostsScreen },
  { path: '/hosts/:id', title: 'Host', component: HostScreen },
  { path: '/handlers', title: 'Handlers', nav: { group: 'Configure', to: '/handlers' }, component: HandlersScreen },
  { path: '/dirs', title: 'Dirs', nav: { group: 'Configure', to: '/dirs' }, component: DirsScreen },
  { path: '/proxies', title: 'Proxies', nav: { group: 'Configure', to: '/proxies' }, component: ProxiesScreen },
  { path: '/settings', title: 'Settings', nav: { group: 'Configure', to: '/settings' }, component: SettingsScreen },
  { path: '/mimetypes', title: 'MIME types', nav: { group: 'Configure', to: '/mimetypes' }, component: MimetypesScreen },
  { path: '/apply', title: 'Pending changes', nav: { group: 'Change', to: '/apply' }, component: ApplyScreen },
  { path: '/log', title: 'Commit log', nav: { group: 'Change', to: '/log' }, component: LogScreen },
  { path: '/transfer', title: 'Import and export', nav: { group: 'Change', to: '/transfer' }, component: TransferScreen },
  { path: '/users', title: 'Users and API tokens', nav: { group: 'Admin', to: '/users' }, component: UsersScreen },
];
