// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Host. */
export function HostScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Host" />;
}
