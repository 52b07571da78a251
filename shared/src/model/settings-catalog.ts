// Every setting Mongrel2 reads from the `setting` table (spec §8: each Setting_get_int / Setting_get_str call in
// src/ and tools/), with its default, its kind and a one-line help text for the console. Values are stored as
// text; the server reads ints with atoi, so a value it would misread ('10k', ' 5', '-1') is refused here, and a
// flag is 0 or 1. Keys not listed are allowed (the server ignores them), but get no value check.
import { quoted } from './errors.js';
import { parseZmqEndpoint } from './zmq-endpoint.js';

/** How a setting's text is read: a whole number, free text, or a 0/1 switch. */
export type SettingType = 'int' | 'string' | 'bool';

/** One known setting: its default as stored text (null = unset), kind, and what it does. */
export interface SettingInfo {
  key: string;
  default: string | null;
  type: SettingType;
  help: string;
}

const entries = [
  ['zeromq.threads', '1', 'int', 'ZeroMQ I/O threads; more than 1 is rarely useful and logs a warning.'],
  ['control_port', 'ipc://run/control', 'string', "Control-port endpoint for servers whose own control_port is empty."],
  ['upload.temp_store', null, 'string', 'Temp-file template (ending in XXXXXX) for bodies too big to send inline; unset, such requests get 413.'],
  ['upload.temp_store_mode', '0600', 'int', 'File mode given to upload temp files; write it in octal with a leading 0.'],
  ['upload.stream', '0', 'bool', 'Stream big uploads to the handler as it grants credits, instead of spooling to a file first.'],
  ['download.flow_control', '0', 'bool', 'Let handlers pace large responses with credits instead of buffering them all.'],
  ['limits.content_length', '20480', 'int', 'Largest request body (bytes) sent to a handler inside the request message.'],
  ['limits.buffer_size', '4096', 'int', 'Per-connection read buffer (bytes); also the largest request head accepted.'],
  ['limits.connection_stack_size', '32768', 'int', 'Stack size (bytes) of each connection task in the C server.'],
  ['limits.client_read_retries', '5', 'int', 'Reads a client gets to finish sending its request head (eight times more for WebSocket frames).'],
  ['limits.proxy_read_retries', '100', 'int', 'Reads allowed while waiting for a proxied backend to answer.'],
  ['limits.proxy_read_retry_warn', '10', 'int', 'After this many proxy read retries, log a warning.'],
  ['limits.header_count', '1280', 'int', 'Most headers a request may carry.'],
  ['limits.handler_targets', '128', 'int', 'Most connection ids a single handler reply may address.'],
  ['limits.handler_stack', '102400', 'int', 'Stack size (bytes) of each handler task in the C server.'],
  ['limits.fdtask_stack', '102400', 'int', 'Stack size (bytes) of the I/O reactor task in the C server.'],
  ['limits.host_name', '256', 'int', 'Longest host name or matching text; longer ones make the config fail to load.'],
  ['limits.url_path', '256', 'int', 'Read by Mongrel2 but never enforced.'],
  ['limits.dir_max_path', '256', 'int', 'Longest Dir base or route prefix, in bytes.'],
  ['limits.dir_send_buffer', '16384', 'int', 'Read by Mongrel2 but effectively unused.'],
  ['limits.mime_ext_len', '128', 'int', 'Longest file extension looked up in the mimetype table.'],
  ['limits.tick_timer', '10', 'int', 'Seconds between sweeps that close idle or too-slow connections.'],
  ['limits.min_ping', '120', 'int', 'Seconds without activity that count against a connection in the sweep; 0 turns it off.'],
  ['limits.min_read_rate', '300', 'int', 'Slowest acceptable read rate (bytes/s) in the sweep; 0 turns it off.'],
  ['limits.min_write_rate', '300', 'int', 'Slowest acceptable write rate (bytes/s) in the sweep; 0 turns it off.'],
  ['limits.kill_limit', '2', 'int', 'How many of the three sweep tests a connection must fail to be closed.'],
  ['superpoll.max_fd', '10240', 'int', 'Most file descriptors the poller will watch.'],
  ['superpoll.hot_dividend', '4', 'int', "Share of descriptors (1/N) the C poller keeps on its fast 'hot' list."],
  ['server.daemonize', '1', 'bool', 'Detach into the background at start; 0 keeps the server in the foreground.'],
  ['disable.access_logging', '0', 'bool', 'Write no access log at all.'],
  ['no_clobber_xff', '0', 'bool', "Pass the client's own X-Forwarded-For to handlers instead of replacing it."],
  ['net.tcp_keepalive', '0', 'bool', 'Turn on TCP keep-alive probes for client connections.'],
  ['request.relaxed', '0', 'bool', 'Accept {, } and ^ in request URIs, which strict parsing refuses.'],
  ['certdir', null, 'string', 'Directory (ending in /) holding <server uuid>.crt/.key and SNI certificates; needed for use_ssl.'],
  ['ssl_ciphers', null, 'string', 'Space-separated TLS cipher suites to offer; unset uses the TLS library defaults.'],
  ['ssl.ca_chain', null, 'string', 'File with the CA chain used to check client certificates.'],
  ['ssl.verify_optional', '0', 'bool', 'Ask clients for a certificate but accept them without one.'],
  ['ssl.verify_required', '0', 'bool', 'Refuse clients that do not present a valid certificate.'],
] as const satisfies readonly (readonly [string, string | null, SettingType, string])[];

/** A known setting's key. */
export type KnownSettingKey = (typeof entries)[number][0];

/** The known settings by key, in the order of spec §8. */
export const SETTINGS_CATALOG = Object.fromEntries(
  entries.map(([key, dflt, type, help]) => [key, { key, default: dflt, type, help }]),
) as Record<KnownSettingKey, SettingInfo>;

/** The largest int setting: the C server reads them with atoi into an int. */
export const INT_MAX = 2147483647;

/** True when `key` is a setting Mongrel2 reads. */
export function isKnownSetting(key: string): key is KnownSettingKey {
  return Object.prototype.hasOwnProperty.call(SETTINGS_CATALOG, key);
}

/** Null when `value` is fine for setting `key` (anything is, for unknown keys); else what is wrong. */
export function checkSettingValue(key: string, value: string): string | null {
  if (!isKnownSetting(key)) return null;
  const info = SETTINGS_CATALOG[key];
  if (info.type === 'int' && !(/^\d+$/.test(value) && Number(value) <= INT_MAX)) {
    return `${key} must be a whole number from 0 to ${INT_MAX} (digits only), not ${quoted(value)}`;
  }
  if (info.type === 'bool' && value !== '0' && value !== '1') return `${key} must be 0 or 1, not ${quoted(value)}`;
  if (key === 'control_port') {
    const parsed = parseZmqEndpoint(value);
    if (!parsed.ok) return `control_port: ${parsed.message}`;
  }
  if (key === 'upload.temp_store_mode' && !/^0[0-7]{1,4}$/.test(value)) {
    // The server reads it with strtoul(…, 0): without the leading 0, '600' would be the decimal 600.
    return `upload.temp_store_mode must be an octal file mode with a leading 0, such as 0600, not ${quoted(value)}`;
  }
  if (key === 'certdir' && !value.endsWith('/')) return `certdir must end with / (the server appends file names to it)`;
  if (key === 'upload.temp_store' && !value.endsWith('XXXXXX')) return `upload.temp_store must end with XXXXXX (an mkstemp template)`;
  return null;
}
