// PLACEHOLDER: being written (issue 5).
import { PageHeader } from '../../components/bits';

/** Settings. */
export function SettingsScreen(_props: { params: Record<string, string> }) {
  return <PageHeader title="Settings" />;
}
