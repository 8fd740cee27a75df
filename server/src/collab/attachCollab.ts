import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { type WebSocket, WebSocketServer } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createLogger, type Logger } from '../createLogger.ts';
import { authorize } from './authorize.ts';
import { CLOSE_INVALID_UPDATE, type CollabSession, type DocumentHub, type HubDocument } from './DocumentHub.ts';

/** y-websocket message types. */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_QUERY_AWARENESS = 3;

/** Close code for a document that could not be kept loaded (the client may retry). */
export const CLOSE_TRY_AGAIN = 1013;

const COLLAB_PATH = /^\/collab\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Tuning for `attachCollab`. */
export interface AttachCollabOptions {
  /**
   * How often each connection is pinged; a connection that has not answered the previous ping is dropped. 0 disables.
   * @default 30000
   */
  pingIntervalMs?: number;
  /** Connections (info), refusals and protocol errors (warn/error) go here. @default createLogger() */
  logger?: Logger;
}

/** What `attachCollab` returns. */
export interface AttachedCollab {
  readonly wss: WebSocketServer;
  /** Stops taking upgrades and closes every collab connection (the hub stays open). */
  close(): Promise<void>;
}

/**
 * Serves `ws://…/collab/<docId>` on an existing HTTP server with the y-websocket protocol, backed by `hub`. Every
 * connection goes through `authorize`; a document that fails to load is refused before the upgrade.
 */
export function attachCollab(server: Server, hub: DocumentHub, options: AttachCollabOptions = {}): AttachedCollab {
  const logger = options.logger ?? createLogger();
  const pingIntervalMs = options.pingIntervalMs ?? 30_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  const alive = new WeakSet<WebSocket>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const docId = COLLAB_PATH.exec(pathname)?.[1];
    if (!docId) {
      refuse(socket, 404, 'Not Found', 'no collab document at this path');
      return;
    }
    void (async () => {
      let user: { name: string } | null;
      try {
        user = await authorize(request, docId);
      } catch (error) {
        logger.error({ err: error, docId }, 'authorizing a collab connection failed');
        refuse(socket, 500, 'Internal Server Error', 'authorization failed');
        return;
      }
      if (!user) {
        refuse(socket, 403, 'Forbidden', `not allowed to open ${docId}`);
        return;
      }
      let hubDoc: HubDocument;
      try {
        hubDoc = await hub.open(docId);
      } catch (error) {
        logger.error({ err: error, docId }, 'refused a collab connection: the document failed to load');
        refuse(socket, 500, 'Internal Server Error', `document ${docId} failed to load`);
        return;
      }
      if (socket.destroyed) return;
      const name = user.name;
      wss.handleUpgrade(request, socket, head, (ws) => {
        wss.emit('connection', ws, request);
        serveConnection(ws, hub, hubDoc, name, logger, alive);
      });
    })();
  };
  server.on('upgrade', onUpgrade);

  const pinger =
    pingIntervalMs > 0
      ? setInterval(() => {
          for (const ws of wss.clients) {
            if (!alive.has(ws)) {
              ws.terminate();
              continue;
            }
            alive.delete(ws);
            ws.ping();
          }
        }, pingIntervalMs)
      : null;
  pinger?.unref();

  return {
    wss,
    close: () => {
      server.off('upgrade', onUpgrade);
      if (pinger) clearInterval(pinger);
      for (const ws of wss.clients) ws.close(1001, 'server closing');
      return new Promise<void>((resolve) => {
        wss.close(() => resolve());
        // Clients that do not answer the close handshake are cut off.
        setTimeout(() => {
          for (const ws of wss.clients) ws.terminate();
        }, 1000).unref();
      });
    },
  };
}

function serveConnection(
  ws: WebSocket,
  hub: DocumentHub,
  hubDoc: HubDocument,
  name: string,
  logger: Logger,
  alive: WeakSet<WebSocket>,
): void {
  const docId = hubDoc.docId;
  const send = (message: Uint8Array) => {
    if (ws.readyState === ws.OPEN) ws.send(message);
  };
  const session: CollabSession = {
    name,
    sendUpdate: (update) => send(updateMessage(update)),
    sendAwareness: (update) => send(awarenessMessage(update)),
    close: (code, reason) => ws.close(code, reason),
  };
  try {
    hub.connect(hubDoc, session);
  } catch {
    ws.close(CLOSE_TRY_AGAIN, 'document was unloaded; reconnect');
    return;
  }
  logger.info({ docId, name, sessions: hubDoc.sessions.size }, 'collab connect');
  alive.add(ws);
  ws.on('pong', () => alive.add(ws));
  ws.on('close', (code) => {
    hub.disconnect(hubDoc, session);
    logger.info({ docId, name, code, sessions: hubDoc.sessions.size }, 'collab disconnect');
  });
  ws.on('error', (error) => logger.warn({ err: error, docId, name }, 'collab connection error'));
  ws.on('message', (data, isBinary) => {
    try {
      if (!isBinary) throw new Error('text frame');
      handleMessage(toBytes(data), hub, hubDoc, session, send);
    } catch (error) {
      logger.warn({ err: error, docId, name }, 'malformed collab message; closing that connection');
      hub.disconnect(hubDoc, session);
      ws.close(CLOSE_INVALID_UPDATE, 'malformed message');
    }
  });

  // Ask for what the client has that the server lacks; it asks for the server's state itself.
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, hubDoc.encodeStateVector());
  send(encoding.toUint8Array(encoder));
  const states = hubDoc.encodeAwarenessStates();
  if (states) send(awarenessMessage(states));
}

/** Handles one frame; throws on anything malformed so the caller closes the connection. */
function handleMessage(
  message: Uint8Array,
  hub: DocumentHub,
  hubDoc: HubDocument,
  session: CollabSession,
  send: (message: Uint8Array) => void,
): void {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_SYNC: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      assertConsumed(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        // Reply once what the server holds is stored, so a client never receives state that could still be lost.
        void hub.whenStored(hubDoc).then(() => {
          if (hubDoc.unloaded || !hubDoc.sessions.has(session)) return;
          const state = hub.readState(hubDoc);
          // Null: the document could not be merged and its sessions are closed already.
          if (!state) return;
          // A fresh client (empty state vector) gets the whole document, encoded once for every such joiner.
          if (payload.length === 1 && payload[0] === 0) {
            send(fullStateMessage(state));
            return;
          }
          let diff: Uint8Array;
          try {
            diff = Y.diffUpdate(state, payload);
          } catch {
            hub.disconnect(hubDoc, session);
            session.close(CLOSE_INVALID_UPDATE, 'malformed state vector');
            return;
          }
          send(syncStep2Message(diff));
        });
      } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        hub.receiveUpdate(hubDoc, session, payload);
      } else {
        throw new Error(`unknown sync step ${step}`);
      }
      return;
    }
    case MESSAGE_AWARENESS: {
      const update = decoding.readVarUint8Array(decoder);
      assertConsumed(decoder);
      hub.receiveAwareness(hubDoc, session, update);
      return;
    }
    case MESSAGE_QUERY_AWARENESS: {
      assertConsumed(decoder);
      const states = hubDoc.encodeAwarenessStates();
      if (states) send(awarenessMessage(states));
      return;
    }
    default:
      throw new Error(`unknown message type ${type}`);
  }
}

// Framed messages by update: a broadcast update is framed once, however many sessions receive it.
const updateMessages = new WeakMap<Uint8Array, Uint8Array>();
const fullStateMessages = new WeakMap<Uint8Array, Uint8Array>();

function updateMessage(update: Uint8Array): Uint8Array {
  let message = updateMessages.get(update);
  if (!message) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    message = encoding.toUint8Array(encoder);
    updateMessages.set(update, message);
  }
  return message;
}

function fullStateMessage(state: Uint8Array): Uint8Array {
  let message = fullStateMessages.get(state);
  if (!message) {
    message = syncStep2Message(state);
    fullStateMessages.set(state, message);
  }
  return message;
}

function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function assertConsumed(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the message');
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.length);
}

function refuse(socket: Duplex, status: number, statusText: string, body: string): void {
  if (socket.destroyed) return;
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}
