// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** MIME types. */
export function MimetypesScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="MIME types" />;
}
