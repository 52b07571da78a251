// Reads an m2sh config file (either syntax) into a config model: the part of `m2sh load` that touches no
// database, shared by m2sh and the console's import preview.
import { readFileSync } from 'node:fs';
import { parseConfig } from './lang/parser.js';
import { buildModel } from './loader/build.js';
import type { ConfigModel } from './loader/model.js';

/** Parses and builds `source` (named `file` in messages); throws ConfigError at the first problem. */
export function loadConfigSource(source: string, file: string): ConfigModel {
  return buildModel(parseConfig(source, file));
}

/** Reads, parses and builds the config file at `path`; `name` is how messages call it (default: `path`). */
export function loadConfigFile(path: string, name = path): ConfigModel {
  return loadConfigSource(readFileSync(path, 'utf8'), name);
}
