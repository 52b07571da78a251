// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Route tester. */
export function RouteTesterScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Route tester" />;
}
