// Option syntax vectors, after tools/m2sh/tests/cli_tests.c: -opt value, --opt value, flags, extra tokens.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './args.js';

const parse = (...argv: string[]) => {
  const c = parseCommandLine(argv);
  return { name: c.name, options: Object.fromEntries(c.options), extra: c.extra };
};

describe('parseCommandLine', () => {
  it('reads -opt value and --opt value', () => {
    expect(parse('load', '-db', 'x.sqlite', '--config', 'm.conf')).toEqual({ name: 'load', options: { db: 'x.sqlite', config: 'm.conf' }, extra: [] });
  });
  it('makes an option followed by an option, or by nothing, a flag with the value ""', () => {
    expect(parse('route', '-reversed', '-suffix', '-match', 'a')).toEqual({ name: 'route', options: { reversed: '', suffix: '', match: 'a' }, extra: [] });
    expect(parse('stop', '-every', '-murder')).toEqual({ name: 'stop', options: { every: '', murder: '' }, extra: [] });
  });
  it('allows dots and underscores in option names, as m2sh idents do', () => {
    expect(parse('x', '-a.b_c', '1')).toEqual({ name: 'x', options: { 'a.b_c': '1' }, extra: [] });
  });
  it('takes a value that looks like a negative number or a path', () => {
    expect(parse('x', '-n', '-5', '-p', '/a b/c')).toEqual({ name: 'x', options: { n: '-5', p: '/a b/c' }, extra: [] });
  });
  it('keeps the tokens that are nobody\'s value as extra', () => {
    expect(parse('servers', 'stray', '-db', 'd', 'more')).toEqual({ name: 'servers', options: { db: 'd' }, extra: ['stray', 'more'] });
  });
  it('has no command name when the line starts with an option', () => {
    expect(parse('-db', 'x')).toEqual({ name: '', options: { db: 'x' }, extra: [] });
    expect(parse()).toEqual({ name: '', options: {}, extra: [] });
  });
  it('lets the last of a repeated option win', () => {
    expect(parse('x', '-db', 'a', '-db', 'b').options).toEqual({ db: 'b' });
  });
});
