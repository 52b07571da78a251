// `m2sh shell`: mirrors Command_shell in tools/m2sh/src/commands/running.c: a `mongrel2> ` prompt whose lines
// are run as m2sh command lines, with history kept in $HOME/.m2sh. Lines are split like a shell would
// (quotes group words); `exit`/`quit` or end of input leaves.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command, Io } from '../io.js';
import { logErr } from '../log.js';

/** Splits a typed line into words: whitespace separates, '...' and "..." group, backslash escapes outside '…'. */
export function splitWords(line: string): string[] | { error: string } {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i]!;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i]!;
    } else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (quote) return { error: `unterminated ${quote} quote` };
  if (word !== null) words.push(word);
  return words;
}

function historyFile(io: Io): string | null {
  return io.env.HOME ? join(io.env.HOME, '.m2sh') : null;
}

async function* terminalLines(io: Io, history: string[]): AsyncIterable<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'mongrel2> ', history: [...history].reverse(), terminal: process.stdin.isTTY });
  rl.prompt();
  try {
    for await (const line of rl) {
      yield line;
      rl.prompt();
    }
  } finally {
    rl.close();
    void io;
  }
}

/** Starts an interactive shell. */
export const shell: Command = {
  name: 'shell',
  help: 'Starts an interactive shell.',
  async run(_cmd, io) {
    const { run } = await import('../m2sh.js');
    const file = historyFile(io);
    let history: string[] = [];
    try {
      if (file) history = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    } catch {
      history = [];
    }
    const lines = io.input ?? terminalLines(io, history);
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === '') continue;
      if (line === 'exit' || line === 'quit') break;
      if (file) {
        try {
          appendFileSync(file, line + '\n', { mode: 0o600 });
        } catch {
          /* history is a convenience; an unwritable HOME must not stop the shell */
        }
      }
      const words = splitWords(line);
      if (!Array.isArray(words)) {
        logErr(io, words.error);
        continue;
      }
      if (words[0] === 'shell') {
        logErr(io, 'You are already in the shell.');
        continue;
      }
      await run(words, io);
    }
    return 0;
  },
};
