// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Servers. */
export function ServersScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Servers" />;
}
