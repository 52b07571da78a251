// Large request bodies for handlers (src/upload.c Upload_file, spec §3.5): with `upload.temp_store` set, a body
// over limits.content_length (or any chunked body) is written to a temporary file made from that mkstemp-style
// template (trailing XXXXXX), chmod'ed to upload.temp_store_mode; the handler gets one message with
// x-mongrel2-upload-start before the body and one with -start and -done after it, both with empty bodies.
import { randomBytes } from 'node:crypto';
import { rmSync, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** C's strtoul(text, NULL, 0): 0x… hex, 0… octal, else decimal; garbage is 0. */
export function parseMode(text: string): number {
  const t = text.trim();
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) return Number.parseInt(t.slice(2), 16);
  if (/^0[0-7]*$/.test(t)) return t === '0' ? 0 : Number.parseInt(t.slice(1), 8);
  if (/^[1-9]\d*$/.test(t)) return Number.parseInt(t, 10);
  return 0;
}

/** The template with its trailing run of X replaced by random letters and digits (mkstemp). */
export function fillTemplate(template: string): string {
  const m = /X{6,}$/.exec(template);
  if (!m) throw new Error(`upload.temp_store '${template}' must end with XXXXXX`);
  const n = m[0].length;
  const bytes = randomBytes(n);
  let fill = '';
  for (let i = 0; i < n; i++) fill += ALPHABET[bytes[i]! % ALPHABET.length];
  return template.slice(0, template.length - n) + fill;
}

/** One upload's temporary file. */
export class Upload {
  private bytes = 0;
  private finished = false;

  private constructor(readonly name: string, private readonly path: string, private readonly out: WriteStream) {}

  /** Creates the file from the template (relative paths from `cwd`), exclusively, with `mode`. */
  static async open(template: string, mode: number, cwd: string): Promise<Upload> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const name = fillTemplate(template);
      const path = resolve(cwd, name.replace(/^\/+/, ''));
      try {
        const fh = await open(path, 'wx', mode);
        await fh.chmod(mode);
        // The stream owns the FileHandle and closes it; handing it only the raw fd left the FileHandle to be
        // closed again by the garbage collector (EBADF, which ends the process).
        const out = fh.createWriteStream({ autoClose: true });
        return new Upload(name, path, out);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    throw new Error(`could not create a unique file from ${template}`);
  }

  /** Bytes written so far. */
  get size(): number {
    return this.bytes;
  }

  /** Appends body bytes; false when the caller should wait for `onDrain`. */
  write(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    return this.out.write(chunk);
  }

  /** Calls `fn` once the file has taken what was written. */
  onDrain(fn: () => void): void {
    this.out.once('drain', fn);
  }

  /** Closes the file; resolves when it is on disk. */
  finish(): Promise<void> {
    this.finished = true;
    return new Promise((res, rej) => {
      this.out.once('error', rej);
      this.out.end(res);
    });
  }

  /** Stops an unfinished upload and removes its partial file. */
  abort(): void {
    if (this.finished) return;
    this.finished = true;
    this.out.destroy();
    rmSync(this.path, { force: true });
  }
}
