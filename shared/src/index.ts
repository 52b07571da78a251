// The code server/ and admin-ui/ share: routing (the pattern language and route matching) and the wire codecs.
export * from './routing/index.js';
export * from './protocol/tnetstring.js';
