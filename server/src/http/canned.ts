// Mongrel2's built-in responses by status (spec §6.1), for the connection's error paths.
import { RESPONSES } from './responses.js';

/** A status the connection answers with a canned response. */
export type CannedStatus = 400 | 404 | 405 | 412 | 413 | 417 | 500 | 501 | 502;

/** The exact bytes of each canned response. */
export const CANNED: Readonly<Record<CannedStatus, Buffer>> = RESPONSES;
