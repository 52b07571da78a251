// Small presentational pieces every screen uses: the screen header, status badges, the loading / failed state of
// a query, and a requests-per-second sparkline.
import type { ReactNode } from 'react';
import { describeError } from '../app/errors';

/** A screen's title (the page's h1), a line on what it is for, and its main actions. */
export function PageHeader({ title, intro, actions }: { title: string; intro?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-head">
      <div>
        <h1>{title}</h1>
        {intro && <p className="intro">{intro}</p>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </header>
  );
}

/** A coloured word: running / stopped / pending / failed ... */
export function Badge({ tone, children, label }: { tone: 'ok' | 'warn' | 'bad' | 'muted' | 'info'; children: ReactNode; label?: string }) {
  return <span className={`badge badge-${tone}`} aria-label={label}>{children}</span>;
}

/** What a query shows while it loads or after it failed (with the API's real message). */
export function QueryState({ loading, error, children }: { loading: boolean; error: unknown; children?: ReactNode }) {
  if (error) {
    const d = describeError(error);
    return <div className="query-error" role="alert">{d.title}{d.detail ? <code> {d.detail}</code> : null}</div>;
  }
  if (loading) return <div className="loading" role="status"><span className="spinner" aria-hidden="true" /> Loading…</div>;
  return <>{children}</>;
}

/** A tiny line chart of recent values (requests per second). */
export function Sparkline({ values, label, width = 120, height = 28 }: { values: number[]; label: string; width?: number; height?: number }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`).join(' ');
  return (
    <svg className="sparkline" role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {values.length > 1 ? <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" /> : <line x1="0" x2={width} y1={height - 2} y2={height - 2} stroke="currentColor" strokeOpacity="0.3" />}
    </svg>
  );
}

/** Seconds as "3d 4h", "5m 2s". */
export function formatDuration(s: number): string {
  const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60), sec = Math.floor(s % 60);
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m}m`;
  if (m) return `${m}m ${sec}s`;
  return `${sec}s`;
}

/** Bytes as "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const u = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024, i = 0;
  while (v >= 1024 && i < u.length - 1) { v /= 1024; i++; }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${u[i]}`;
}
