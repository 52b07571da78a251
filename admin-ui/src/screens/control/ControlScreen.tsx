// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Control console. */
export function ControlScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Control console" />;
}
