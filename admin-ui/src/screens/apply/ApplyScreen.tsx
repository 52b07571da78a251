// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Pending changes. */
export function ApplyScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Pending changes" />;
}
