// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Live connections. */
export function LiveScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Live connections" />;
}
