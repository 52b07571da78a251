// A time shown relative to now, with the exact ISO time as its title and datetime.
import { parseTime, relativeTime } from './relative-time';

/** A <time> element for a log or snapshot time. */
export function TimeAgo({ text, now }: { text: string; now: Date }) {
  const d = parseTime(text);
  if (!d) return <span>{text}</span>;
  const iso = d.toISOString();
  return <time dateTime={iso} title={iso}>{relativeTime(d, now)}</time>;
}
