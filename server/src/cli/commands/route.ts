// `m2sh route -match STR -pattern PAT [-reversed] [-suffix]`: mirrors Command_route in
// tools/m2sh/src/commands/helpers.c — one route in a fresh RouteMap (reversed = host style), looked up by prefix
// (or by suffix with -suffix), printing the same lines. Deviation: a malformed pattern is an error (exit 255);
// the C m2sh logs it, then reads past the pattern (and may segfault).
import { RouteMap } from '@m2/shared';
import type { Command } from '../io.js';
import { logErr } from '../log.js';
import { option } from '../options.js';

/** Tests a single routing pattern against a string, as the server's router would. */
export const route: Command = {
  name: 'route',
  help: 'Tests out routing patterns.',
  run(cmd, io) {
    const match = option(cmd, io, 'match');
    const pattern = option(cmd, io, 'pattern');
    const reversed = option(cmd, io, 'reversed') !== undefined;
    const suffix = option(cmd, io, 'suffix') !== undefined;
    if (match === undefined) {
      logErr(io, 'You have to give something to match against with --match.');
      return 255;
    }
    if (pattern === undefined) {
      logErr(io, 'You have to give a pattern to use with --pattern.');
      return 255;
    }

    const map = new RouteMap<null>();
    const inserted = reversed ? map.insertReversed(pattern, null) : map.insert(pattern, null);
    const bad = inserted.patternError;
    if (bad) {
      logErr(io, `Bad pattern '${pattern}': ${bad.message} at character ${bad.index}.`);
      return 255;
    }

    const lookup = suffix ? map.lookupSuffix(match) : map.lookupPrefix(match);
    if (lookup.attempts.some((a) => a.outcome === 'malformed' || a.outcome === 'too-complex')) {
      const why = lookup.attempts.some((a) => a.outcome === 'malformed') ? 'is malformed' : 'needs too many matching steps';
      logErr(io, `Bad pattern '${pattern}': the pattern ${why}.`);
      return 255;
    }
    const found = lookup.route;
    if (found) {
      io.out(`Match passed on '${match}' against '${pattern}'.\n`);
      io.out(`ROUTE: pattern='${found.pattern}', prefix='${found.prefix}'\n`);
    } else {
      io.out(`Match FAILED on '${match}' against '${pattern}'.\n`);
    }
    return 0;
  },
};
