// A Node library for writing Mongrel2 handlers, modelled on the reference Python library
// (examples/python/mongrel2/handler.py and request.py). Mongrel2 PUSHes every request routed to a handler over
// ZeroMQ and SUBscribes to the replies (spec §3); this library owns that pair of sockets.
//
//   import { Connection } from './handler-lib/index.js';
//   const conn = new Connection(senderId, 'tcp://127.0.0.1:9997', 'tcp://127.0.0.1:9996');
//   await conn.ready();                       // let the PUB finish joining, or early replies are lost
//   for await (const req of conn) {
//     if (req.isDisconnect()) continue;       // the client left; nothing to answer
//     conn.replyHttp(req, 'hello\n', { headers: { 'Content-Type': 'text/plain' } });
//     if (req.shouldClose()) conn.close(req); // mongrel2 never closes a handled connection by itself
//   }
//   await conn.shutdown();
//
// Connection (connection.ts) — `new Connection(senderId, pullSpec, pubSpec, options?)`:
//   pullSpec is mongrel2's send_spec (the handler's PULL connects there), pubSpec its recv_spec (the PUB connects
//   there, identity = senderId). `ready()` waits out the ZeroMQ slow-joiner window; always await it before the
//   first reply a program sends unprompted.
//   receiving   recv(): Promise<Request>; `for await (const req of conn)` (malformed messages reported, skipped)
//   one client  reply(req, body), replyJson, replyHttp(req, body, {code, status, headers}), close(req),
//               acceptWebSocket(req, headers?), replyWebSocket(req, payload, opcode = TEXT),
//               ctl(req, {'keep-alive', credits, cancel}), sendfile(req, path)
//   many        deliver(uuid, ids, body), deliverJson, deliverHttp, deliverWebSocket, closeIds(uuid, ids),
//               extended(uuid, ids, name, args) — split into messages of at most 128 ids each
//   lifecycle   flush(): Promise<void>, shutdown(): Promise<void>, closed
//   Bodies are bytes or text (sent as UTF-8), written to the client unchanged: the handler builds the HTTP
//   response or WebSocket frame itself. An empty body closes the connection. Address replies to `req.sender`
//   (the server's send_ident) — mongrel2 checks only its syntax, but a handler serving several servers must
//   answer each with its own. Sends never block and never drop: they are queued and handed to ZeroMQ in order,
//   one at a time (zeromq.js allows a single pending send); ZeroMQ holds up to `sendHighWaterMark` messages for
//   a slow mongrel2 before the queue waits. Invalid uuids or ids throw at once; sending after shutdown throws.
//
// Request (request.ts) — one message from mongrel2:
//   sender, connId, path, headers (Map; repeated headers as arrays), body (Buffer), raw, method, data (parsed
//   JSON body of METHOD=JSON messages), header(name), headerValues(name), text(), json(), isDisconnect(),
//   isCredits(), isWebSocket(), isWebSocketHandshake(), flags / opcode (WebSocket FLAGS), shouldClose(),
//   upload ({stage: 'start' | 'done', file, valid} for x-mongrel2-upload-start / -done).
//
// Builders (reply-builders.ts): httpResponse, httpHead, httpChunk, websocketHandshakeResponse, closePayload,
// parseClosePayload, WsCloseCode; WsOpcode (request.ts) names the frame opcodes.
//
// Testing (fake-mongrel2.ts): FakeMongrel2 binds mongrel2's side of the sockets on free ports, pushes request
// messages and collects replies; jsonRequest / disconnectNotice build request messages; splitReply takes a
// reply apart. The examples in ../examples use all of this and are tested with it.

export { Connection, type ConnectionOptions, type ConnId, type CtlArgs } from './connection.js';
export { Request, WsOpcode, type UploadInfo } from './request.js';
export {
  closePayload,
  httpChunk,
  httpHead,
  httpResponse,
  parseClosePayload,
  toBuffer,
  websocketHandshakeResponse,
  WsCloseCode,
  type Body,
  type HttpHeaders,
  type HttpReplyOptions,
} from './reply-builders.js';
export { SendQueue, type MessageSink } from './send-queue.js';
export { FakeMongrel2, disconnectNotice, jsonRequest, splitReply, type ReplyParts } from './fake-mongrel2.js';
