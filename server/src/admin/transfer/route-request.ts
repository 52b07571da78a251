// Turns the route tester's input (a URL and an optional Host) into what a mongrel2 process would route on, by
// running the server's own request-head parser (http/parser.ts) on the request it stands for: the raw path
// (not percent-decoded; query and fragment cut off), and the Host — an absolute URL's authority acts as the Host
// (decision 11), else the `host` given, else none (an HTTP/1.0 request without Host goes to the default host).
import { DEFAULT_PARSER_LIMITS, parseRequestHead } from '../../http/parser.js';

/** What the router sees of a tested request. */
export interface TestRequest {
  /** The Host the router uses (null: no Host header). */
  hostHeader: string | null;
  /** Where it came from: the URL's authority, the `host` field, or nowhere. */
  hostFrom: 'url' | 'host' | 'none';
  /** The `host` field when the URL's authority overrode it. */
  ignoredHost: string | null;
  path: string;
  /** The query string (without `?`), which routing ignores; null when none. */
  query: string | null;
}

/** A tested request the server would refuse with 400, and which field is at fault. */
export interface TestRequestError {
  field: 'url' | 'host';
  message: string;
}

/** The request-reading settings that decide whether a head parses (`request.relaxed`, `limits.buffer_size`). */
export interface TestParserLimits {
  relaxed: boolean;
  bufferSize: number;
}

/** Parses `url` (and `host`) as a mongrel2 process would, or says why it would answer 400. */
export function toTestRequest(url: string, host: string | undefined, limits: TestParserLimits): TestRequest | TestRequestError {
  const hasHost = host !== undefined && host !== '';
  const head = hasHost ? `GET ${url} HTTP/1.1\r\nHost: ${host}\r\n\r\n` : `GET ${url} HTTP/1.0\r\n\r\n`;
  const bytes = Buffer.from(head, 'utf8');
  const r = parseRequestHead(bytes, 0, { ...DEFAULT_PARSER_LIMITS, relaxed: limits.relaxed, bufferSize: limits.bufferSize });
  if (r.kind === 'incomplete') return { field: 'url', message: `the request is longer than limits.buffer_size (${limits.bufferSize})` };
  if (r.kind === 'error') {
    const field = r.code === 'M2_ERR_HTTP_HOST' ? 'host' : 'url';
    return { field, message: `mongrel2 would answer 400 Bad Request: ${r.reason}` };
  }
  const req = r.request;
  const fromUrl = req.authority !== undefined;
  return {
    hostHeader: fromUrl ? req.authority! : hasHost ? host : null,
    hostFrom: fromUrl ? 'url' : hasHost ? 'host' : 'none',
    ignoredHost: fromUrl && hasHost ? host : null,
    path: req.path,
    query: req.query ?? null,
  };
}

/** Whether `r` is a refusal. */
export function isTestRequestError(r: TestRequest | TestRequestError): r is TestRequestError {
  return 'message' in r;
}
