// The bytes a Dir answers with. Mirrors src/response.c (the canned 304/404/405/412 texts) and the two formats in
// src/dir.c (RESPONSE_FORMAT for the 200 header block, DIR_REDIRECT_FORMAT for the 301), byte for byte, plus the
// 206/416 heads Mongrel2 never had, laid out the same way. The canned texts themselves are http/responses.ts's.
import { METHOD_NOT_ALLOWED_405, NOT_FOUND_404, NOT_MODIFIED_304, PRECONDITION_FAILED_412, SERVER_VERSION } from '../http/responses.js';

/** The Server header value Mongrel2 1.13.0 sends. */
export const SERVER_NAME = SERVER_VERSION;

const canned = (text: string): Buffer => Buffer.from(text, 'latin1');

/** `304 Not Modified` exactly as Mongrel2 sends it (its `Connection: close` is sent even when the connection stays). */
export const DIR_304: Buffer = NOT_MODIFIED_304;
/** `404 Not Found` with its 9-byte body. */
export const DIR_404: Buffer = NOT_FOUND_404;
/** `405 Method Not Allowed` with its 18-byte body. */
export const DIR_405: Buffer = METHOD_NOT_ALLOWED_405;
/** `412 Precondition Failed` with its 19-byte body. */
export const DIR_412: Buffer = PRECONDITION_FAILED_412;

/** The directory redirect: Mongrel2's DIR_REDIRECT_FORMAT with the whole Location value supplied by the caller. */
export function dirRedirect(location: string): Buffer {
  return canned(
    'HTTP/1.1 301 Moved Permanently\r\n' +
      `Location: ${location}\r\n` +
      'Content-Length: 0\r\n' +
      `Server: ${SERVER_NAME}\r\n\r\n`,
  );
}

/** A `416 Range Not Satisfiable` (no body), shaped like the 301, naming the full size as RFC 9110 asks. */
export function rangeNotSatisfiable(size: number): Buffer {
  return canned(
    'HTTP/1.1 416 Range Not Satisfiable\r\n' +
      `Content-Range: bytes */${size}\r\n` +
      'Content-Length: 0\r\n' +
      `Server: ${SERVER_NAME}\r\n\r\n`,
  );
}

/** An RFC 822/1123 date (`Thu, 02 Jan 2020 03:04:05 GMT`), what strftime `%a, %d %b %Y %H:%M:%S GMT` gives. */
export function httpDate(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toUTCString();
}

/** Everything of a file's 200 head after the Date line (Content-Type .. blank line), in RESPONSE_FORMAT order. */
export function fileHeadTail(contentType: string, size: number, lastModified: string, etag: string): string {
  return (
    `Content-Type: ${contentType}\r\n` +
    `Content-Length: ${size}\r\n` +
    `Last-Modified: ${lastModified}\r\n` +
    `ETag: ${etag}\r\n` +
    `Server: ${SERVER_NAME}\r\n\r\n`
  );
}

/** The full 200 head: the status line and Date, then the record's pre-rendered tail (UTF-8, as config text is). */
export function okHead(date: string, tail: string): Buffer {
  return Buffer.from(`HTTP/1.1 200 OK\r\nDate: ${date}\r\n${tail}`, 'utf8');
}

/** The 206 head: the 200 layout with `Content-Range` inserted right after `Content-Length`. */
export function partialHead(
  date: string,
  contentType: string,
  range: { start: number; end: number; size: number },
  lastModified: string,
  etag: string,
): Buffer {
  return Buffer.from(
    'HTTP/1.1 206 Partial Content\r\n' +
      `Date: ${date}\r\n` +
      `Content-Type: ${contentType}\r\n` +
      `Content-Length: ${range.end - range.start}\r\n` +
      `Content-Range: bytes ${range.start}-${range.end - 1}/${range.size}\r\n` +
      `Last-Modified: ${lastModified}\r\n` +
      `ETag: ${etag}\r\n` +
      `Server: ${SERVER_NAME}\r\n\r\n`,
    'utf8',
  );
}
