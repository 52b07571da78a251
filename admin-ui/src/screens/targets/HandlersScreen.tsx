// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Handlers. */
export function HandlersScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Handlers" />;
}
