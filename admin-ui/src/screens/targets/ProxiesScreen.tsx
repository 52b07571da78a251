// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Proxies. */
export function ProxiesScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Proxies" />;
}
