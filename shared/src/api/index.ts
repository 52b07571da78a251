// The admin API's contract (ARCHITECTURE: shared/src/api): error codes, roles, the bodies each endpoint takes and
// returns, and a typed client the console uses.
export * from './errors.js';
export * from './access.js';
export * from './auth.js';
export * from './model.js';
export * from './transfer.js';
export * from './running.js';
export * from './config.js';
export * from './apply.js';
export * from './client.js';
