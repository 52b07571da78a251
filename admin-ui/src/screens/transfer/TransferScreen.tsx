// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Import and export. */
export function TransferScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Import and export" />;
}
