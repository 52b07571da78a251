// Mirrors src/response.c (the HTTP_100 ... HTTP_502 canned responses) and src/dir.c (DIR_REDIRECT_FORMAT for the
// 301, the `%a, %d %b %Y %H:%M:%S GMT` date) byte for byte as spec §6.1 lists them, with the Server header of
// src/version.h. The buffers are shared: callers write them to sockets and must never modify them.

/** The product token Mongrel2 1.13.0 puts in its Server header. */
export const SERVER_VERSION = 'Mongrel2/1.13.0';

/** The Server header line (without CRLF) every built-in response carries. */
export const SERVER_HEADER = `Server: ${SERVER_VERSION}`;

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

// The text/plain error layout shared by every canned error in response.c.
const plain = (status: string, body: string): Buffer =>
  bytes(
    `HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\nConnection: close\r\n` +
      `Content-Length: ${Buffer.byteLength(body, 'latin1')}\r\n${SERVER_HEADER}\r\n\r\n${body}`,
  );

/** `100 Continue`, sent before reading a body the client announced with `Expect: 100-continue`. */
export const CONTINUE_100: Buffer = bytes('HTTP/1.1 100 Continue\r\n\r\n');

/** `304 Not Modified` (its `Connection: close` is Mongrel2's text even when the connection stays open). */
export const NOT_MODIFIED_304: Buffer = bytes(
  `HTTP/1.1 304 Not Modified\r\nConnection: close\r\nContent-Length: 0\r\n${SERVER_HEADER}\r\n\r\n`,
);

/** `400 Bad Request`: any request parse failure. */
export const BAD_REQUEST_400: Buffer = plain('400 Bad Request', 'Bad Request');

/** `404 Not Found`: no route, missing file, handler not running. */
export const NOT_FOUND_404: Buffer = plain('404 Not Found', 'Not Found');

/** `405 Method Not Allowed`: anything but GET/HEAD on a Dir. */
export const METHOD_NOT_ALLOWED_405: Buffer = plain('405 Method Not Allowed', 'Method Not Allowed');

/** `412 Precondition Failed`: If-Match / If-Unmodified-Since failed. */
export const PRECONDITION_FAILED_412: Buffer = plain('412 Precondition Failed', 'Precondition Failed');

/** `413 Request Entity Too Large` (body text `Entity Too Large`): oversized body and no upload.temp_store. */
export const ENTITY_TOO_LARGE_413: Buffer = plain('413 Request Entity Too Large', 'Entity Too Large');

/** `417 Expectation Failed`: an Expect other than 100-continue. */
export const EXPECTATION_FAILED_417: Buffer = plain('417 Expectation Failed', 'Expectation Failed');

/** `500 Internal Server Error`. */
export const INTERNAL_ERROR_500: Buffer = plain('500 Internal Server Error', 'Internal Server Error');

/** `501 Not Implemented`. */
export const NOT_IMPLEMENTED_501: Buffer = plain('501 Not Implemented', 'Not Implemented');

/** `502 Bad Gateway`: Proxy backend unreachable or handler delivery failed. */
export const BAD_GATEWAY_502: Buffer = plain('502 Bad Gateway', 'Bad Gateway');

/** The text/plain canned errors by status code (every one of them closes the connection in Mongrel2). */
export const RESPONSES: Readonly<Record<400 | 404 | 405 | 412 | 413 | 417 | 500 | 501 | 502, Buffer>> = Object.freeze({
  400: BAD_REQUEST_400,
  404: NOT_FOUND_404,
  405: METHOD_NOT_ALLOWED_405,
  412: PRECONDITION_FAILED_412,
  413: ENTITY_TOO_LARGE_413,
  417: EXPECTATION_FAILED_417,
  500: INTERNAL_ERROR_500,
  501: NOT_IMPLEMENTED_501,
  502: BAD_GATEWAY_502,
});

/**
 * The 301 of DIR_REDIRECT_FORMAT with the whole Location value given (the Dir builds `//host/dir/` or, per
 * decision 10, `/dir/`); control bytes in `location` are percent-escaped so it can never split the head.
 */
export function redirect(location: string): Buffer {
  let safe = location;
  for (let i = 0; i < location.length; i++) {
    const c = location.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) {
      safe = location.replace(/[\x00-\x1f\x7f]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
      break;
    }
  }
  return bytes(`HTTP/1.1 301 Moved Permanently\r\nLocation: ${safe}\r\nContent-Length: 0\r\n${SERVER_HEADER}\r\n\r\n`);
}

let cachedSecond = Number.NaN;
let cachedDate = '';

/** An RFC 1123 GMT date (`Sun, 22 Nov 2026 00:45:39 GMT`) for a time in ms; the string is cached per second. */
export function httpDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== cachedSecond) {
    // toUTCString is exactly IMF-fixdate for years 1000-9999; anything else is not a time a server sends.
    cachedDate = new Date(second * 1000).toUTCString();
    cachedSecond = second;
  }
  return cachedDate;
}
