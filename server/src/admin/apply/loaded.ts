// What a running server says it has loaded, through its control port: the `config` command (our extension) gives
// the fingerprint, how many reloads it has tried and how the last one went, and its handler sockets' state. A
// server that does not know `config` (the C Mongrel2) answers an error, and the console says it cannot confirm.
import type { Server } from '@m2/shared';
import type { AdminContext } from '../context.js';
import { answerRecords, controlCall } from '../running/control.js';

/** A server's load state, or null when it does not report one. */
export interface Loaded {
  fingerprint: string;
  generation: number;
  attempts: number;
  error: string;
  restartNeeded: string[];
  handlersBinding: number;
  handlerErrors: string;
}

/** Asks a running server what it has loaded (null: the server has no `config` command). */
export async function loadedConfig(ctx: AdminContext, server: Server, timeoutMs?: number): Promise<Loaded | null> {
  const answer = await controlCall(ctx, server, 'config', {}, timeoutMs);
  const rec = answerRecords(answer)?.[0];
  if (!rec || typeof rec.fingerprint !== 'string') return null;
  return {
    fingerprint: rec.fingerprint,
    generation: Number(rec.generation),
    attempts: Number(rec.attempts),
    error: String(rec.error ?? ''),
    restartNeeded: String(rec.restart_needed ?? '').split(',').filter(Boolean),
    handlersBinding: Number(rec.handlers_binding ?? 0),
    handlerErrors: String(rec.handler_errors ?? ''),
  };
}

/** Polls `read` every `stepMs` until `done` holds or `timeoutMs` passes; returns the last value read. */
export async function pollUntil<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number, stepMs = 100): Promise<{ value: T; met: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return { value, met: true };
    if (Date.now() >= deadline) return { value, met: false };
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
