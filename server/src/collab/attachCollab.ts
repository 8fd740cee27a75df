import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import * as encoding from 'lib0/encoding';
import { type WebSocket, WebSocketServer } from 'ws';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { AccessEvents } from '../auth/AccessEvents.ts';
import { createLogger, type Logger } from '../createLogger.ts';
import { type CollabLimits, DEFAULT_COLLAB_LIMITS, type LimitKind } from '../limits/CollabLimits.ts';
import { ConnectionCounter } from '../limits/ConnectionCounter.ts';
import { CLOSE_POLICY, REASON_ACCESS_REVOKED, REASON_LOGIN_ENDED, REASON_READ_ONLY } from '../limits/closeCodes.ts';
import { KeyedRateLimiter } from '../limits/KeyedRateLimiter.ts';
import { TokenBucket } from '../limits/TokenBucket.ts';
import {
  type CollabMetrics,
  countLimit,
  countRejected,
  createCollabMetrics,
  type RejectReason,
} from '../metrics/CollabMetrics.ts';
import { clientAddress } from '../net/clientAddress.ts';
import type { TemplateRole } from '../storage/DocumentStore.ts';
import { authorize, type CollabUser, credentialsOf, type Refusal, type UpgradeAuthenticator } from './authorize.ts';
import { type AwarenessEntry, checkAwarenessUpdate } from './checkAwarenessUpdate.ts';
import { CLOSE_INVALID_UPDATE, type CollabSession, type DocumentHub, type HubDocument } from './DocumentHub.ts';
import { FrameError, MESSAGE_AWARENESS, MESSAGE_SYNC, readCollabFrame } from './readCollabFrame.ts';
import { UpdateGuard } from './UpdateGuard.ts';

/** Close code for a document that could not be kept loaded (the client may retry). */
export const CLOSE_TRY_AGAIN = 1013;

/** y-websocket's message type for auth messages (y-protocols/auth), which its client understands. */
const MESSAGE_AUTH = 2;

/**
 * Our auth sub-type beside y-protocols' permission-denied (0): the connection's role now, a string. y-protocols'
 * `readAuthMessage` matches no case for it, so stock y-websocket clients ignore it without a word.
 */
const AUTH_ROLE = 1;

const REFUSAL_TEXT: Record<Refusal['status'], string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

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
  /** What one client may cost; each limit left out is its `DEFAULT_COLLAB_LIMITS` value (0 turns one off). */
  limits?: Partial<CollabLimits>;
  /** Where connections, accepted updates, refused frames and limit closes are counted. @default createCollabMetrics() */
  metrics?: CollabMetrics;
  /**
   * Decides every upgrade from its session cookie or bearer header before anything is loaded (401 / 403 / 404); the
   * account names the connection and a viewer's is read-only. Required, so forgetting it cannot open the server:
   * `null` says on purpose that everyone is an editor named by `?name=` — only for tools and tests that run no
   * accounts (the server always passes `createUpgradeAuthenticator`).
   */
  authenticate: UpgradeAuthenticator | null;
  /**
   * Role changes and ended logins (`Auth.events`): each affected open connection is authenticated again at once and
   * closed (1008) when it lost access, or made read-only / writable when its role changed.
   */
  accessEvents?: AccessEvents;
  /**
   * How often every open connection is authenticated again, for changes this process does not hear about (`cw user
   * password` or `cw token revoke` run by another process, an expired session, another instance's role change).
   * 0 disables.
   * @default 30000
   */
  recheckIntervalMs?: number;
  /**
   * How many proxies stand in front of the server (`CLAUSEWRIGHT_TRUST_PROXY`): per-address limits and logs take the
   * client's address from `X-Forwarded-For` behind that many hops (`clientAddress`). 0 uses the socket's address.
   * @default 0
   */
  trustProxy?: number;
}

/** What `attachCollab` returns. */
export interface AttachedCollab {
  readonly wss: WebSocketServer;
  /** The metrics this transport counts into (the options' or its own); `GET /metrics` renders `metrics.registry`. */
  readonly metrics: CollabMetrics;
  /** The limits in force. */
  readonly limits: Readonly<CollabLimits>;
  /** Stops taking upgrades and closes every collab connection (the hub stays open). */
  close(): Promise<void>;
}

/**
 * Serves `ws://…/collab/<docId>` on an existing HTTP server with the y-websocket protocol, backed by `hub`. Upgrades
 * pass the pre-auth limits (per-address rate, pending upgrades), then `authorize`, then the connection limits, and
 * only then is the document loaded; a document that fails to load is refused before the upgrade. Every client
 * update is checked (`UpdateGuard`: size limit, template shape) before the hub sees it.
 */
export function attachCollab(server: Server, hub: DocumentHub, options: AttachCollabOptions): AttachedCollab {
  const logger = options.logger ?? createLogger();
  const pingIntervalMs = options.pingIntervalMs ?? 30_000;
  const limits: CollabLimits = { ...DEFAULT_COLLAB_LIMITS, ...options.limits };
  const metrics = options.metrics ?? createCollabMetrics();
  metrics.docsLoaded.collectFrom(() => hub.loadedDocIds().length);
  // maxPayload 0 is "no limit" for ws too; it checks each frame's length before buffering it.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  const alive = new WeakSet<WebSocket>();
  const upgradeRate = new KeyedRateLimiter(limits.maxUpgradesPerIpPerSecond);
  const perUser = new ConnectionCounter();
  const perIp = new ConnectionCounter();
  const guard = new UpdateGuard(limits.maxDocumentBytes);
  metrics.checkCopies.collectFrom(() => guard.shadowCount);
  // An update refused only after it was applied to the guard's copy costs a rebuild of that copy (O(document)):
  // each one costs its sender's address a quarter second of upgrades, so one address cannot keep the server busy.
  const penalize = (ip: string) => {
    if (limits.maxUpgradesPerIpPerSecond > 0) upgradeRate.penalize(ip, Math.ceil(limits.maxUpgradesPerIpPerSecond / 4));
  };
  const authenticate = options.authenticate ?? undefined;
  // Open connections by account, so a revocation finds them without a scan.
  const byUser = new Map<string, Set<Connection>>();
  const watch = (connection: Connection) => {
    const userId = connection.user.userId;
    if (userId === null) return;
    const set = byUser.get(userId) ?? new Set<Connection>();
    byUser.set(userId, set);
    set.add(connection);
  };
  const unwatch = (connection: Connection) => {
    const userId = connection.user.userId;
    const set = userId === null ? undefined : byUser.get(userId);
    if (!set || userId === null) return;
    set.delete(connection);
    if (set.size === 0) byUser.delete(userId);
  };
  // With accounts, each connection is told its role on connecting and whenever it changes.
  const tellRole = authenticate !== undefined;
  const context: ConnectionContext = { hub, logger, alive, limits, metrics, guard, penalize, watch, unwatch, tellRole };
  let pending = 0;

  /**
   * Authenticates `connections` again (connections with the same credentials on the same document share one check)
   * and applies the verdict: closed when access is gone, read-only or writable as the role now says.
   */
  const recheck = async (connections: Iterable<Connection>) => {
    if (!authenticate) return;
    const checks = new Map<string, Promise<CollabUser | Refusal | null>>();
    const work: Promise<void>[] = [];
    for (const connection of connections) {
      if (connection.closing) continue;
      const { headers } = connection.credentials;
      const key = `${connection.hubDoc.docId}\u0000${headers.authorization ?? ''}\u0000${headers.cookie ?? ''}`;
      let check = checks.get(key);
      if (!check) {
        check = authorize(connection.credentials, connection.hubDoc.docId, authenticate).catch((error: unknown) => {
          // A store hiccup is no revocation: the connection stays as it was until the next check.
          logger.warn({ err: error, docId: connection.hubDoc.docId }, 'checking access again failed');
          return null;
        });
        checks.set(key, check);
      }
      // Role changes in quick succession: only the latest check's verdict counts, whichever answers last.
      const generation = ++connection.checks;
      work.push(
        check.then((verdict) => {
          if (verdict === null || connection.closing || generation !== connection.checks) return;
          if ('status' in verdict) {
            metrics.accessRevoked.inc();
            logger.info(
              { docId: connection.hubDoc.docId, name: connection.user.name, status: verdict.status },
              'closed a collab connection: access revoked',
            );
            connection.drop(CLOSE_POLICY, verdict.status === 401 ? REASON_LOGIN_ENDED : REASON_ACCESS_REVOKED);
            return;
          }
          if (verdict.role !== connection.role) {
            connection.role = verdict.role;
            connection.readOnly = verdict.role === 'viewer';
            logger.info(
              { docId: connection.hubDoc.docId, name: connection.user.name, role: verdict.role },
              'collab connection role changed',
            );
            // The page follows at once (editable or not, its Share button) instead of on the next reload.
            connection.send(roleMessage(verdict.role));
          }
        }),
      );
    }
    await Promise.all(work);
  };
  const connectionsOf = (userId: string, docId?: string) =>
    [...(byUser.get(userId) ?? [])].filter((c) => docId === undefined || c.hubDoc.docId === docId);
  const unsubscribe = [
    options.accessEvents?.onAccessChanged((userId, docId) => void recheck(connectionsOf(userId, docId))),
    options.accessEvents?.onSessionsEnded((userId) => void recheck(connectionsOf(userId))),
  ];
  const recheckIntervalMs = options.recheckIntervalMs ?? 30_000;
  const rechecker =
    authenticate && recheckIntervalMs > 0
      ? setInterval(() => void recheck([...byUser.values()].flatMap((set) => [...set])), recheckIntervalMs)
      : null;
  rechecker?.unref();

  const refuseForLimit = (socket: Duplex, kind: LimitKind, status: number, statusText: string, body: string) => {
    countLimit(metrics, kind);
    refuse(socket, status, statusText, body, { 'Retry-After': '1' });
  };

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const ip = clientAddress(request, options.trustProxy ?? 0);
    // Pre-auth: before anything is parsed, authorised or loaded, so a flood costs next to nothing.
    if (limits.maxUpgradesPerIpPerSecond > 0 && !upgradeRate.take(ip)) {
      refuseForLimit(socket, 'upgrade_rate', 429, 'Too Many Requests', 'too many connection attempts; retry later');
      return;
    }
    if (limits.maxPendingUpgrades > 0 && pending >= limits.maxPendingUpgrades) {
      refuseForLimit(socket, 'pending_upgrades', 503, 'Service Unavailable', 'server busy; retry later');
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const docId = COLLAB_PATH.exec(pathname)?.[1];
    if (!docId) {
      refuse(socket, 404, 'Not Found', 'no collab document at this path');
      return;
    }
    // ws would refuse a broken handshake only once the document is loaded.
    if (!isWebSocketHandshake(request)) {
      refuse(socket, 400, 'Bad Request', 'not a websocket handshake');
      return;
    }
    pending++;
    let counted = false;
    const done = () => {
      pending--;
      // A connection refused or failed after its slots were taken gives them back.
      if (counted && !accepted) {
        perUser.remove(userKey);
        perIp.remove(ip);
      }
    };
    let accepted = false;
    let userKey = '';
    void (async () => {
      let decided: CollabUser | Refusal;
      try {
        decided = await authorize(request, docId, authenticate);
      } catch (error) {
        logger.error({ err: error, docId }, 'authorizing a collab connection failed');
        refuse(socket, 500, 'Internal Server Error', 'authorization failed');
        return;
      }
      if ('status' in decided) {
        metrics.upgradesRefused.inc({ status: String(decided.status) });
        logger.info({ docId, ip, status: decided.status }, 'refused a collab upgrade');
        const challenge: Record<string, string> = decided.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {};
        refuse(socket, decided.status, REFUSAL_TEXT[decided.status], decided.message, challenge);
        return;
      }
      const user = decided;
      const name = user.name;
      userKey = user.key;
      // Over a connection limit: upgraded and closed at once with the reason (a browser cannot read a refused
      // upgrade's status), without loading the document.
      const over: [LimitKind, string] | null =
        limits.maxConnectionsPerUser > 0 && perUser.count(userKey) >= limits.maxConnectionsPerUser
          ? ['connections_per_user', `too many connections for this user (limit ${limits.maxConnectionsPerUser})`]
          : limits.maxConnectionsPerIp > 0 && perIp.count(ip) >= limits.maxConnectionsPerIp
            ? ['connections_per_ip', `too many connections from this address (limit ${limits.maxConnectionsPerIp})`]
            : null;
      if (over) {
        countLimit(metrics, over[0]);
        logger.warn({ docId, name, ip, limit: over[0] }, 'refused a collab connection over a limit');
        if (socket.destroyed) return;
        wss.handleUpgrade(request, socket, head, (ws) => {
          // Without a listener, a broken frame from this client would be an uncaught exception.
          ws.on('error', () => {});
          ws.close(CLOSE_POLICY, over[1]);
        });
        return;
      }
      perUser.add(userKey);
      perIp.add(ip);
      counted = true;
      let hubDoc: HubDocument;
      try {
        hubDoc = await hub.open(docId);
      } catch (error) {
        logger.error({ err: error, docId }, 'refused a collab connection: the document failed to load');
        refuse(socket, 500, 'Internal Server Error', `document ${docId} failed to load`);
        return;
      }
      if (socket.destroyed) return;
      wss.handleUpgrade(request, socket, head, (ws) => {
        // Only now: a handshake ws refuses never calls back, and its slots are given back in `done`.
        accepted = true;
        wss.emit('connection', ws, request);
        metrics.connections.inc();
        ws.once('close', () => {
          metrics.connections.dec();
          perUser.remove(userKey);
          perIp.remove(ip);
        });
        serveConnection(ws, hubDoc, user, credentialsOf(request), ip, context);
      });
    })().finally(done);
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
    metrics,
    limits,
    close: () => {
      server.off('upgrade', onUpgrade);
      if (pinger) clearInterval(pinger);
      if (rechecker) clearInterval(rechecker);
      for (const off of unsubscribe) off?.();
      guard.close();
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

/** What every connection of one `attachCollab` shares. */
interface ConnectionContext {
  hub: DocumentHub;
  logger: Logger;
  alive: WeakSet<WebSocket>;
  limits: CollabLimits;
  metrics: CollabMetrics;
  guard: UpdateGuard;
  /** Charges a remote address for a costly refusal. */
  penalize(ip: string): void;
  /** Registers an open connection for revocation, and removes it. */
  watch(connection: Connection): void;
  unwatch(connection: Connection): void;
  /** Whether connections are told their role (accounts on). */
  tellRole: boolean;
}

/** One connection's state: closing once it broke a rule (frames still in flight are then ignored), its rate buckets. */
interface Connection {
  hubDoc: HubDocument;
  user: CollabUser;
  /** The upgrade's credentials, to authenticate again when access may have changed. */
  credentials: IncomingMessage;
  /** The role the connection has now (a re-check may change it). */
  role: TemplateRole;
  /** How many re-checks have started, so a slower, older one cannot undo a newer one's verdict. */
  checks: number;
  /** A viewer's connection: its document updates are dropped and answered with permission-denied. */
  readOnly: boolean;
  /** The remote address. */
  ip: string;
  session: CollabSession;
  closing: boolean;
  awareness: TokenBucket | null;
  syncRequests: TokenBucket | null;
  send(message: Uint8Array): void;
  /** Removes the session from the hub and closes with `code` and `reason`. */
  drop(code: number, reason: string): void;
}

/** The hub's close reasons for refused frames, as metric reasons. */
const HUB_REJECTS: Record<string, RejectReason> = {
  'invalid Yjs update': 'invalid_update',
  'update depends on missing content': 'missing_dependencies',
  'invalid awareness update': 'invalid_awareness',
};

function serveConnection(
  ws: WebSocket,
  hubDoc: HubDocument,
  user: CollabUser,
  credentials: IncomingMessage,
  ip: string,
  context: ConnectionContext,
): void {
  const { hub, logger, alive, limits, metrics, guard } = context;
  const name = user.name;
  const docId = hubDoc.docId;
  const send = (message: Uint8Array) => {
    if (ws.readyState === ws.OPEN) ws.send(message);
  };
  const session: CollabSession = {
    name,
    sendUpdate: (update) => {
      guard.observe(hubDoc, update);
      send(updateMessage(update));
    },
    sendAwareness: (update) => send(awarenessMessage(update)),
    close: (code, reason) => {
      // The hub closes sessions whose frames it refuses; those count as rejected frames too.
      const rejected = code === CLOSE_INVALID_UPDATE ? HUB_REJECTS[reason] : undefined;
      if (rejected && !connection.closing) countRejected(metrics, rejected);
      connection.closing = true;
      ws.close(code, reason);
    },
  };
  const perSecond = (n: number) => (n > 0 ? new TokenBucket(n, n) : null);
  const connection: Connection = {
    hubDoc,
    user,
    credentials,
    role: user.role,
    checks: 0,
    readOnly: user.role === 'viewer',
    ip,
    session,
    closing: false,
    awareness: perSecond(limits.maxAwarenessPerSecond),
    syncRequests: perSecond(limits.maxSyncRequestsPerSecond),
    send,
    drop: (code, reason) => {
      if (connection.closing) return;
      connection.closing = true;
      hub.disconnect(hubDoc, session);
      ws.close(code, reason);
    },
  };
  // First of all: an 'error' without a listener (a broken frame, even on a connection being refused) would be an
  // uncaught exception.
  ws.on('error', (error: Error & { code?: string }) => {
    // ws' frame parser failed (a frame over maxPayload, a reserved opcode, bad UTF-8…) and has closed the connection.
    if (!connection.closing) {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') countLimit(metrics, 'message_size');
      else countRejected(metrics, 'malformed_frame');
    }
    connection.closing = true;
    hub.disconnect(hubDoc, session);
    logger.warn({ err: error, docId, name }, 'collab connection error');
  });
  try {
    hub.connect(hubDoc, session);
  } catch {
    ws.close(CLOSE_TRY_AGAIN, 'document was unloaded; reconnect');
    return;
  }
  guard.retain(hubDoc);
  context.watch(connection);
  logger.info({ docId, name, role: user.role, sessions: hubDoc.sessions.size }, 'collab connect');
  alive.add(ws);
  ws.on('pong', () => alive.add(ws));
  ws.on('close', (code) => {
    hub.disconnect(hubDoc, session);
    guard.release(hubDoc);
    context.unwatch(connection);
    logger.info({ docId, name, code, sessions: hubDoc.sessions.size }, 'collab disconnect');
  });
  ws.on('message', (data, isBinary) => {
    if (connection.closing) return;
    let reason: RejectReason = 'malformed_frame';
    try {
      if (!isBinary) {
        reason = 'text_frame';
        throw new Error('text frame');
      }
      handleMessage(toBytes(data), connection, context);
    } catch (error) {
      if (error instanceof FrameError) reason = error.reason;
      logger.warn({ err: error, docId, name }, 'malformed collab message; closing that connection');
      countRejected(metrics, reason);
      connection.drop(CLOSE_INVALID_UPDATE, 'malformed message');
    }
  });

  // The role first: a page that reconnects after its role changed learns it before any content.
  if (context.tellRole) send(roleMessage(user.role));
  // Ask for what the client has that the server lacks; it asks for the server's state itself.
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, hubDoc.encodeStateVector());
  send(encoding.toUint8Array(encoder));
  const states = hubDoc.encodeAwarenessStates();
  if (states) send(awarenessMessage(states));
}

/**
 * A viewer's update: never stored or relayed. One that would change the document is counted and answered with
 * y-protocols' permission-denied (the connection stays open, still receiving changes); one that holds nothing new
 * (a reconnecting viewer's sync step 2) is dropped silently; a malformed one closes the connection like anyone's.
 */
function refuseReadOnly(update: Uint8Array, connection: Connection, context: ConnectionContext): void {
  const { metrics, logger } = context;
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    countRejected(metrics, 'invalid_update');
    connection.drop(CLOSE_INVALID_UPDATE, 'invalid Yjs update');
    return;
  }
  const admission = connection.hubDoc.admit(decoded);
  if (admission.kind === 'known') return;
  // Deletions only (a reconnecting viewer's sync step 2 re-sends every deletion it knows): nothing new if the
  // document has deleted all of them already.
  if (admission.kind === 'new' && admission.clocks.size === 0 && deletedAlready(connection.hubDoc, decoded)) return;
  metrics.readOnlyDropped.inc();
  logger.info({ docId: connection.hubDoc.docId, name: connection.session.name }, 'dropped a viewer update');
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  authProtocol.writePermissionDenied(encoder, REASON_READ_ONLY);
  connection.send(encoding.toUint8Array(encoder));
}

/** Tells a client its role: an auth message of our `AUTH_ROLE` sub-type (see `MESSAGE_AUTH`). */
function roleMessage(role: TemplateRole): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AUTH);
  encoding.writeVarUint(encoder, AUTH_ROLE);
  encoding.writeVarString(encoder, role);
  return encoding.toUint8Array(encoder);
}

/** Whether every deletion in `update` is deleted in `hubDoc` already (O(document): viewers' deletions only). */
function deletedAlready(hubDoc: HubDocument, update: ReturnType<typeof Y.decodeUpdate>): boolean {
  const deleted = Y.decodeUpdate(hubDoc.encodeFullState()).ds.clients;
  for (const [client, ranges] of update.ds.clients) {
    const have = deleted.get(client) ?? [];
    for (const { clock, len } of ranges) {
      if (!have.some((d) => d.clock <= clock && clock + len <= d.clock + d.len)) return false;
    }
  }
  return true;
}

/** Closes `connection` for a limit, counted by kind. */
function closeForLimit(connection: Connection, metrics: CollabMetrics, kind: LimitKind, reason: string): void {
  countLimit(metrics, kind);
  connection.drop(CLOSE_POLICY, reason);
}

/** Handles one frame; throws a `FrameError` on anything malformed so the caller closes the connection. */
function handleMessage(message: Uint8Array, connection: Connection, context: ConnectionContext): void {
  const { hub, limits, metrics, guard, logger } = context;
  const { hubDoc, session, send } = connection;
  const frame = readCollabFrame(message);
  switch (frame.kind) {
    case 'sync-request': {
      if (connection.syncRequests && !connection.syncRequests.take()) {
        closeForLimit(
          connection,
          metrics,
          'sync_rate',
          `too many sync requests (limit ${limits.maxSyncRequestsPerSecond}/s)`,
        );
        return;
      }
      const stateVector = frame.stateVector;
      // Reply once what the server holds is stored, so a client never receives state that could still be lost.
      void hub.whenStored(hubDoc).then(() => {
        if (hubDoc.unloaded || !hubDoc.sessions.has(session) || connection.closing) return;
        const state = hub.readState(hubDoc);
        // Null: the document could not be merged and its sessions are closed already.
        if (!state) return;
        // A fresh client (empty state vector) gets the whole document, encoded once for every such joiner.
        if (stateVector.length === 1 && stateVector[0] === 0) {
          send(fullStateMessage(state));
          return;
        }
        let diff: Uint8Array;
        try {
          diff = Y.diffUpdate(state, stateVector);
        } catch {
          countRejected(metrics, 'invalid_state_vector');
          connection.drop(CLOSE_INVALID_UPDATE, 'malformed state vector');
          return;
        }
        send(syncStep2Message(diff));
      });
      return;
    }
    case 'update': {
      const payload = frame.update;
      if (connection.readOnly) {
        refuseReadOnly(payload, connection, context);
        return;
      }
      const verdict = guard.check(hubDoc, payload);
      if (!verdict.ok && verdict.kind === 'reject') {
        logger.warn({ docId: hubDoc.docId, name: session.name, detail: verdict.detail }, 'refused an update');
        countRejected(metrics, verdict.reason);
        if (verdict.costly) context.penalize(connection.ip);
        const why =
          verdict.reason === 'schema' ? `update breaks the template: ${verdict.detail}` : 'invalid Yjs update';
        connection.drop(CLOSE_INVALID_UPDATE, closeReason(why));
        return;
      }
      if (!verdict.ok && verdict.kind === 'document_size') {
        closeForLimit(connection, metrics, 'document_size', verdict.detail);
        return;
      }
      hub.receiveUpdate(hubDoc, session, payload);
      const accepted = hubDoc.sessions.has(session);
      guard.settled(hubDoc, payload, accepted);
      // A fresh client's empty sync step 2 is no update.
      if (accepted && (!verdict.ok || verdict.changed)) metrics.updates.inc();
      return;
    }
    case 'awareness': {
      const read = checkAwarenessUpdate(frame.update);
      if ('problem' in read) {
        countRejected(metrics, 'invalid_awareness');
        connection.drop(CLOSE_INVALID_UPDATE, read.problem);
        return;
      }
      if (limits.maxAwarenessBytes > 0 && read.entries.some((e) => e.bytes > limits.maxAwarenessBytes)) {
        closeForLimit(
          connection,
          metrics,
          'awareness_size',
          `awareness state too large (limit ${limits.maxAwarenessBytes} bytes)`,
        );
        return;
      }
      // y-websocket clients send back every awareness change they receive: such echoes change nothing here and
      // cost no budget, or every client of a busy document would be over the rate.
      const fresh = read.entries.filter((entry) => isNewAwareness(hubDoc, entry));
      if (fresh.length === 0) return;
      const joining = fresh.filter((e) => e.state !== null && !hubDoc.awareness.states.has(e.clientId)).length;
      const controlled = hubDoc.sessions.get(session)?.size ?? 0;
      if (limits.maxAwarenessClients > 0 && controlled + joining > limits.maxAwarenessClients) {
        closeForLimit(
          connection,
          metrics,
          'awareness_clients',
          `too many awareness clients (limit ${limits.maxAwarenessClients})`,
        );
        return;
      }
      if (connection.awareness && !connection.awareness.take()) {
        closeForLimit(
          connection,
          metrics,
          'awareness_rate',
          `too many awareness updates (limit ${limits.maxAwarenessPerSecond}/s)`,
        );
        return;
      }
      hub.receiveAwareness(hubDoc, session, frame.update);
      return;
    }
    case 'query-awareness': {
      // Each answer encodes every state: queries share the awareness budget.
      if (connection.awareness && !connection.awareness.take()) {
        closeForLimit(
          connection,
          metrics,
          'awareness_rate',
          `too many awareness updates (limit ${limits.maxAwarenessPerSecond}/s)`,
        );
        return;
      }
      const states = hubDoc.encodeAwarenessStates();
      if (states) send(awarenessMessage(states));
      return;
    }
  }
}

/** Whether applying `entry` would change the document's awareness (y-protocols' own rule: a newer clock, or a
 * removal at the same clock). */
function isNewAwareness(hubDoc: HubDocument, entry: AwarenessEntry): boolean {
  const known = hubDoc.awareness.meta.get(entry.clientId);
  if (!known) return entry.state !== null;
  return (
    entry.clock > known.clock ||
    (entry.clock === known.clock && entry.state === null && hubDoc.awareness.states.has(entry.clientId))
  );
}

/** A close reason fits in 123 bytes of UTF-8 (RFC 6455). */
function closeReason(reason: string): string {
  let out = reason;
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -1);
  return out;
}

/**
 * Frames a payload once however many sessions receive it: the hub hands every session the same update (or awareness
 * update, or full state) object, so the framed message is kept by that object until it is collected.
 */
function framedOnce(frame: (payload: Uint8Array) => Uint8Array): (payload: Uint8Array) => Uint8Array {
  const framed = new WeakMap<Uint8Array, Uint8Array>();
  return (payload) => {
    let message = framed.get(payload);
    if (!message) {
      message = frame(payload);
      framed.set(payload, message);
    }
    return message;
  };
}

const updateMessage = framedOnce((update) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
});

const fullStateMessage = framedOnce(syncStep2Message);

const awarenessMessage = framedOnce((update) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
});

function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.length);
}

/** The headers ws requires of an upgrade (RFC 6455 §4.2.1), checked before anything is authorised or loaded. */
function isWebSocketHandshake(request: IncomingMessage): boolean {
  const key = request.headers['sec-websocket-key'];
  const version = request.headers['sec-websocket-version'];
  return (
    request.method === 'GET' &&
    request.headers.upgrade?.toLowerCase() === 'websocket' &&
    typeof key === 'string' &&
    /^[+/0-9A-Za-z]{22}==$/.test(key.trim()) &&
    (version === '8' || version === '13')
  );
}

function refuse(
  socket: Duplex,
  status: number,
  statusText: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (socket.destroyed) return;
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n${extra}` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}
