// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Dirs. */
export function DirsScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Dirs" />;
}
