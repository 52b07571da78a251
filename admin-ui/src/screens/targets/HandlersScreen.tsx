// Handlers (/handlers): the handler targets routes point at (see TargetsScreen).
import { TargetsScreen } from './TargetsScreen';

/** The Handlers screen. */
export function HandlersScreen(_props: { params: Record<string, string> }) {
  return <TargetsScreen kind="handler" />;
}
