// String literals for `m2sh dump`: the config language keeps backslashes and has no escapes, so a value must be
// written between quotes it does not close early; the parser must read back exactly the value.
import { describe, expect, it } from 'vitest';
import { parseConfig } from './lang/parser.js';
import { quote, RenderConfError } from './render-conf.js';

const roundTrip = (literal: string) => {
  const v = parseConfig(`x = ${literal}\n`, 't').statements[0];
  return v?.kind === 'assign' && v.value.kind === 'string' ? v.value.value : undefined;
};

describe('quote', () => {
  const values = ['plain', "it's", 'say "hi"', '/files/(.*\\.txt)$', "a\\'b", 'C:\\\\', 'é ünïcode', ''];
  it.each(values)('writes %j so that it reads back unchanged', (v) => {
    expect(roundTrip(quote(v, 'v'))).toBe(v);
  });

  it('prefers single quotes and falls back to double quotes', () => {
    expect(quote('a', 'v')).toBe("'a'");
    expect(quote("it's", 'v')).toBe(`"it's"`);
  });

  it('refuses what no literal can hold, naming it', () => {
    expect(() => quote(`both ' and "`, 'host name')).toThrow(RenderConfError);
    expect(() => quote('ends with \\', 'base')).toThrow(/^base "ends with \\\\" cannot be written/);
  });
});
