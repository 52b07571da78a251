// The code server/ and admin-ui/ share: routing (the pattern language and route matching) and the wire codecs
// (tnetstrings, the handler protocol, WebSocket frames, control-port messages).
export * from './routing/index.js';
export * from './protocol/tnetstring.js';
export * from './protocol/handler-request.js';
export * from './protocol/handler-reply.js';
export * from './protocol/handler-notice.js';
export * from './protocol/extended.js';
export * from './protocol/websocket.js';
export * from './protocol/control.js';
export * from './model/index.js';
export * from './api/index.js';
