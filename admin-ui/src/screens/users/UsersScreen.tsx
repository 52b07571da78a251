// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Users and API tokens. */
export function UsersScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Users and API tokens" />;
}
