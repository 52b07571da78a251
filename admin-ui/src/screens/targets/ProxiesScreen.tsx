// Proxies (/proxies): the proxy targets routes point at (see TargetsScreen).
import { TargetsScreen } from './TargetsScreen';

/** The Proxies screen. */
export function ProxiesScreen(_props: { params: Record<string, string> }) {
  return <TargetsScreen kind="proxy" />;
}
