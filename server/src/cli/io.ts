// The world a command runs in, passed explicitly so commands are plain `run(args, io)` functions
// (ARCHITECTURE principle 8): tests hand in buffers, the entry file hands in the process.

/** Where a command writes and what it may read of its environment. */
export interface Io {
  /** Writes to standard output exactly as given (no newline added). */
  out(text: string): void;
  /** Writes to standard error exactly as given (no newline added). */
  err(text: string): void;
  /** Environment variables (LOGNAME, HOME, M2_*). */
  env: Record<string, string | undefined>;
  /** The directory relative paths are resolved against. */
  cwd: string;
  /** Lines typed at a prompt, for the interactive shell; absent when there is no terminal. */
  input?: AsyncIterable<string>;
}

/** A parsed m2sh command line: `m2sh NAME -opt value -flag`. */
export interface CommandLine {
  name: string;
  /** Option name (without dashes) → value; a flag has the value "". */
  options: Map<string, string>;
  /** Tokens that were neither an option nor an option's value. */
  extra: string[];
}

/** One m2sh command: its name, its one-line help, and what it does. Returns the process exit code. */
export interface Command {
  name: string;
  help: string;
  run(cmd: CommandLine, io: Io): Promise<number> | number;
}
