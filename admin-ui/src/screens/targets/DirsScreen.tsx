// Dirs (/dirs): the dir targets routes point at (see TargetsScreen).
import { TargetsScreen } from './TargetsScreen';

/** The Dirs screen. */
export function DirsScreen(_props: { params: Record<string, string> }) {
  return <TargetsScreen kind="dir" />;
}
