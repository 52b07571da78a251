// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Commit log. */
export function LogScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Commit log" />;
}
