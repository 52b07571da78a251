// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Overview. */
export function OverviewScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Overview" />;
}
