// The config model: one schema per Mongrel2 table (ARCHITECTURE principle 5, "One schema, three uses"). Each file
// gives the resource schema the admin API returns, the input schema a client sends, their TypeScript types and the
// mapping to and from the snake_case row the C m2sh writes; errors.ts turns any refusal into coded field errors.
export * from './errors.js';
export * from './fields.js';
export * from './net-address.js';
export * from './zmq-endpoint.js';
export * from './settings-catalog.js';
export * from './server.js';
export * from './host.js';
export * from './route.js';
export * from './handler.js';
export * from './proxy.js';
export * from './dir.js';
export * from './setting.js';
export * from './mimetype.js';
export * from './filter.js';
export * from './log.js';
