// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Hosts. */
export function HostsScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Hosts" />;
}
