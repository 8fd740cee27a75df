import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { DocumentHub } from '../collab/DocumentHub.ts';
import type { HubDocument } from '../collab/HubDocument.ts';
import { createLogger, type Logger } from '../createLogger.ts';
import { compareStreamIds } from './compareStreamIds.ts';
import type { HubRelay } from './HubRelay.ts';
import { relayKeys } from './relayKeys.ts';

/** Tuning for `RedisRelay`. */
export interface RedisRelayOptions {
  /** `redis://[:password@]host:port[/db]`. */
  url: string;
  /**
   * Prefix of every key and channel, so several deployments (or tests) share one Redis.
   * @default 'clausewright:'
   */
  prefix?: string;
  /** This instance's id in the feeds. @default a random UUID */
  instanceId?: string;
  /**
   * Entries kept per document stream (approximately: `MAXLEN ~`). A reader that falls further behind catches up
   * from the store.
   * @default 1000
   */
  maxLen?: number;
  /**
   * A document's stream and counter expire this long after its last update, in ms (a reader whose feed expired
   * sees the counter restart and catches up from the store).
   * @default 86400000
   */
  ttlMs?: number;
  /** @default createLogger() */
  logger?: Logger;
}

/** What the relay did, for tests and metrics. */
export interface RelayStats {
  published: number;
  /** Entries of other instances read from the feeds. */
  received: number;
  /** Relayed updates that added to a document here. */
  applied: number;
  /** Gaps found: a feed's counter skipped (trimmed entries, a restarted Redis) or an update lacked its dependencies. */
  gaps: number;
  /** Catch-ups from the store that finished. */
  catchUps: number;
}

/** Where a reader stands in a document's stream: the last entry id read and its counter value. */
interface Position {
  id: string;
  n: number;
}

interface Feed {
  docId: string;
  stream: string;
  channel: string;
  hubDoc: HubDocument | null;
  /** Null until known (Redis did not answer in time when the document was opened): then a catch-up sets it. */
  position: Position | null;
  catchingUp: boolean;
  catchUpAgain: boolean;
}

/** Entry kinds in a document stream. */
const KIND_UPDATE = 'u';
/** "Catch up from the store": sent by an instance whose publishes may have been lost. */
const KIND_CATCH_UP = 'c';
/** Awareness message kinds on a document channel. */
const AWARENESS_UPDATE = 0;
const AWARENESS_QUERY = 1;

/** Longest wait for Redis before a document is loaded anyway (it then catches up once Redis answers). */
const OPEN_TIMEOUT_MS = 1000;
/** A blocking read returns at least this often, so a reader never waits long on a connection that went quiet. */
const BLOCK_MS = 1000;
const READ_COUNT = 1000;
const RETRY_MS = 250;

// Numbers the entry and adds it in one step, so readers see a counter without holes unless entries were trimmed.
const PUBLISH_SCRIPT = `
local n = redis.call('INCR', KEYS[2])
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'n', n, 'o', ARGV[2], 'k', ARGV[3], 'u', ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return id
`;

type PublishCommand = (
  stream: string,
  counter: string,
  maxLen: number,
  origin: string,
  kind: string,
  ttlMs: number,
  payload: Buffer | string,
) => Promise<string>;

/**
 * Relays a `DocumentHub`'s stored updates and awareness to the other instances through Redis, and theirs to it.
 *
 * Updates go through one Redis Stream per document, each entry numbered by a per-document counter in the same
 * script. A reader tracks the last id and number it read; a number that skips (entries trimmed, Redis restarted,
 * the feed expired), an update that lacks its dependencies, a catch-up request from another instance or a
 * reconnection of this one all make it catch up from the store by state vector. Nothing is published before it is
 * stored, so the store always holds whatever a reader missed. Awareness goes through plain pub/sub: lossy, renewed
 * by the clients every 15 s.
 */
export class RedisRelay implements HubRelay {
  readonly instanceId: string;
  readonly stats: RelayStats = { published: 0, received: 0, applied: 0, gaps: 0, catchUps: 0 };
  readonly #hub: DocumentHub;
  readonly #prefix: string;
  readonly #maxLen: number;
  readonly #ttlMs: number;
  readonly #logger: Logger;
  /** Publishing and positions. Fails fast while disconnected: a lost publish is announced once it is back. */
  readonly #cmd: Redis;
  /** Blocking reads of the feeds only. */
  readonly #reader: Redis;
  /** Awareness subscriptions. */
  readonly #sub: Redis;
  readonly #feeds = new Map<string, Feed>();
  /** The same feeds by awareness channel. */
  readonly #byChannel = new Map<string, Feed>();
  /** Documents whose publish failed: the other instances must be told to catch up from the store. */
  readonly #toAnnounce = new Set<string>();
  readonly #inFlight = new Set<Promise<unknown>>();
  #readerId: number | null = null;
  #reading: Promise<void> | null = null;
  #blocked = false;
  #wake: (() => void) | null = null;
  #announceTimer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(hub: DocumentHub, options: RedisRelayOptions) {
    this.#hub = hub;
    this.instanceId = options.instanceId ?? randomUUID();
    this.#prefix = options.prefix ?? 'clausewright:';
    this.#maxLen = options.maxLen ?? 1000;
    this.#ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.#logger = options.logger ?? createLogger();
    const name = `${this.#prefix}relay:${this.instanceId}`.replace(/[^\w:.-]/g, '_');
    const base: RedisOptions = { protocol: 2, lazyConnect: true, connectionName: name };
    this.#cmd = new Redis(options.url, { ...base, enableOfflineQueue: false });
    this.#reader = new Redis(options.url, { ...base, enableOfflineQueue: false });
    this.#sub = new Redis(options.url, { ...base, maxRetriesPerRequest: null });
    this.#cmd.defineCommand('cwRelayPublish', { numberOfKeys: 2, lua: PUBLISH_SCRIPT });
    let connectedBefore = false;
    this.#cmd.on('ready', () => {
      // After a reconnection, publishes made meanwhile may be lost and entries may have been missed.
      if (connectedBefore) this.#recover();
      connectedBefore = true;
    });
    this.#reader.on('close', () => {
      this.#readerId = null;
    });
    for (const conn of [this.#cmd, this.#reader, this.#sub]) {
      conn.on('error', (error: Error) => this.#logger.warn({ err: error }, 'redis relay connection error'));
    }
    this.#sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#onAwarenessMessage(channel, message));
  }

  /** Connects; resolves once Redis answered, or after `timeoutMs` (it keeps trying in the background). */
  async start(timeoutMs = 5000): Promise<boolean> {
    const connect = Promise.all([this.#cmd.connect(), this.#reader.connect(), this.#sub.connect()]).then(
      () => true,
      (error: Error) => {
        this.#logger.warn({ err: error }, 'redis relay: Redis not reachable yet; retrying');
        return false;
      },
    );
    const ok = await withTimeout(connect, timeoutMs);
    this.#reading = this.#readLoop();
    return ok === true;
  }

  /** Number of documents whose feed this instance reads. */
  get feeds(): number {
    return this.#feeds.size;
  }

  async opening(docId: string): Promise<void> {
    if (this.#closed) return;
    const keys = relayKeys(this.#prefix, docId);
    const feed: Feed = {
      docId,
      stream: keys.stream,
      channel: keys.awareness,
      hubDoc: null,
      position: null,
      catchingUp: false,
      catchUpAgain: false,
    };
    this.#feeds.set(docId, feed);
    this.#byChannel.set(feed.channel, feed);
    this.#sub.subscribe(feed.channel).catch(() => {});
    feed.position =
      (await withTimeout(
        this.#head(feed.stream).catch(() => null),
        OPEN_TIMEOUT_MS,
      )) ?? null;
  }

  opened(hubDoc: HubDocument): void {
    const feed = this.#feeds.get(hubDoc.docId);
    if (!feed) return;
    feed.hubDoc = hubDoc;
    if (!feed.position) void this.#catchUp(feed);
    this.#wakeReader();
    // Those already editing it elsewhere show up at once, not at their next renewal.
    this.#publishAwareness(feed, AWARENESS_QUERY, new Uint8Array());
  }

  closed(docId: string): void {
    const feed = this.#feeds.get(docId);
    if (!feed) return;
    this.#feeds.delete(docId);
    this.#byChannel.delete(feed.channel);
    this.#sub.unsubscribe(feed.channel).catch(() => {});
  }

  stored(hubDoc: HubDocument, update: Uint8Array): void {
    // Also once the document was unloaded here: what a leaving client sent last is stored while it unloads.
    this.#publish(hubDoc.docId, KIND_UPDATE, Buffer.from(update.buffer, update.byteOffset, update.byteLength));
  }

  awareness(hubDoc: HubDocument, update: Uint8Array): void {
    const feed = this.#feeds.get(hubDoc.docId);
    if (feed) this.#publishAwareness(feed, AWARENESS_UPDATE, update);
  }

  /** Waits for the publishes under way, stops reading and disconnects. Close the hub first (it publishes on close). */
  async close(): Promise<void> {
    if (this.#closed) return;
    await Promise.allSettled([...this.#inFlight]);
    this.#closed = true;
    if (this.#announceTimer) clearTimeout(this.#announceTimer);
    this.#wake?.();
    this.#reader.disconnect();
    await this.#reading?.catch(() => {});
    this.#cmd.disconnect();
    this.#sub.disconnect();
    this.#feeds.clear();
    this.#byChannel.clear();
  }

  #publish(docId: string, kind: string, payload: Buffer | string): void {
    if (this.#closed) return;
    const publish = (this.#cmd as unknown as { cwRelayPublish: PublishCommand }).cwRelayPublish;
    const keys = relayKeys(this.#prefix, docId);
    const sent = publish
      .call(this.#cmd, keys.stream, keys.counter, this.#maxLen, this.instanceId, kind, this.#ttlMs, payload)
      .then(
        () => {
          this.stats.published++;
        },
        (error: Error) => {
          this.#logger.warn({ err: error, docId }, 'publishing to the relay failed; will ask for a catch-up');
          this.#toAnnounce.add(docId);
          this.#scheduleAnnounce();
        },
      );
    this.#inFlight.add(sent);
    void sent.finally(() => this.#inFlight.delete(sent));
  }

  /** Asks the other instances to catch up on every document whose publish failed, until Redis takes the request. */
  #scheduleAnnounce(): void {
    if (this.#announceTimer || this.#closed) return;
    this.#announceTimer = setTimeout(() => {
      this.#announceTimer = null;
      const docIds = [...this.#toAnnounce];
      this.#toAnnounce.clear();
      for (const docId of docIds) this.#publish(docId, KIND_CATCH_UP, '');
    }, RETRY_MS);
    this.#announceTimer.unref();
  }

  #recover(): void {
    this.#logger.info({ feeds: this.#feeds.size }, 'relay reconnected to Redis; catching up from the store');
    for (const feed of this.#feeds.values()) {
      this.#toAnnounce.add(feed.docId);
      if (feed.hubDoc) void this.#catchUp(feed);
    }
    this.#scheduleAnnounce();
  }

  /** The newest entry of a stream (id and number); `0-0`/0 when it has none. */
  async #head(stream: string): Promise<Position> {
    const reply = (await this.#cmd.call('XREVRANGE', stream, '+', '-', 'COUNT', 1)) as [string, string[]][];
    const entry = reply[0];
    if (!entry) return { id: '0-0', n: 0 };
    return { id: entry[0], n: Number(fieldOf(entry[1], 'n')) };
  }

  /**
   * Brings a document up to date from the store, then moves its position to the stream's head as it was before the
   * store was read (everything up to there is stored). Concurrent requests fold into one more run.
   */
  async #catchUp(feed: Feed): Promise<void> {
    if (feed.catchingUp) {
      feed.catchUpAgain = true;
      return;
    }
    feed.catchingUp = true;
    try {
      do {
        feed.catchUpAgain = false;
        let head: Position | null = null;
        while (!head) {
          if (!this.#alive(feed)) return;
          head = await this.#head(feed.stream).catch(() => null);
          if (!head) await sleep(RETRY_MS);
        }
        const hubDoc = feed.hubDoc;
        if (!hubDoc || !this.#alive(feed)) return;
        const result = await this.#hub.catchUp(hubDoc);
        if (result === 'missing') {
          this.#logger.error({ docId: feed.docId }, 'the stored log does not apply to the loaded document');
        }
        if (!feed.position || compareStreamIds(head.id, feed.position.id) > 0) feed.position = head;
        this.stats.catchUps++;
        this.#wakeReader();
      } while (feed.catchUpAgain && this.#alive(feed));
    } catch (error) {
      this.#logger.error({ err: error, docId: feed.docId }, 'catching up from the store failed; retrying');
      setTimeout(() => {
        if (this.#alive(feed)) void this.#catchUp(feed);
      }, RETRY_MS * 4).unref();
    } finally {
      feed.catchingUp = false;
    }
  }

  #alive(feed: Feed): boolean {
    return !this.#closed && this.#feeds.get(feed.docId) === feed;
  }

  async #readLoop(): Promise<void> {
    while (!this.#closed) {
      const feeds = [...this.#feeds.values()].filter((f) => f.hubDoc && f.position);
      if (feeds.length === 0) {
        await new Promise<void>((resolve) => {
          this.#wake = resolve;
          setTimeout(resolve, BLOCK_MS).unref();
        });
        this.#wake = null;
        continue;
      }
      let reply: unknown;
      try {
        if (this.#readerId === null) this.#readerId = Number(await this.#reader.call('CLIENT', 'ID'));
        const ids = feeds.map((f) => (f.position as Position).id);
        this.#blocked = true;
        reply = await this.#reader.callBuffer(
          'XREAD',
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          ...feeds.map((f) => f.stream),
          ...ids,
        );
      } catch (error) {
        if (this.#closed) return;
        this.#logger.debug({ err: error }, 'relay read failed; retrying');
        await sleep(RETRY_MS);
        continue;
      } finally {
        this.#blocked = false;
      }
      if (!reply) continue;
      const byStream = new Map(feeds.map((f) => [f.stream, f]));
      for (const [key, entries] of reply as [Buffer, [Buffer, Buffer[]][]][]) {
        const feed = byStream.get(key.toString());
        if (feed && this.#alive(feed)) this.#deliver(feed, entries);
      }
    }
  }

  #deliver(feed: Feed, entries: [Buffer, Buffer[]][]): void {
    const hubDoc = feed.hubDoc;
    if (!hubDoc) return;
    const updates: Uint8Array[] = [];
    for (const [rawId, fields] of entries) {
      const id = rawId.toString();
      const position = feed.position;
      // Entries up to a catch-up's position are in the store already.
      if (position && compareStreamIds(id, position.id) <= 0) continue;
      const n = Number(fieldOf(fields, 'n')?.toString());
      const gap = position !== null && n !== position.n + 1;
      feed.position = { id, n };
      if (gap) {
        this.stats.gaps++;
        void this.#catchUp(feed);
      }
      if (fieldOf(fields, 'o')?.toString() === this.instanceId) continue;
      this.stats.received++;
      const kind = fieldOf(fields, 'k')?.toString();
      if (kind === KIND_CATCH_UP) void this.#catchUp(feed);
      if (kind !== KIND_UPDATE) continue;
      const update = fieldOf(fields, 'u') ?? Buffer.alloc(0);
      updates.push(new Uint8Array(update.buffer, update.byteOffset, update.length));
    }
    if (updates.length === 0) return;
    const { applied, missing } = this.#hub.applyRelayedUpdates(hubDoc, updates);
    this.stats.applied += applied;
    if (missing) {
      this.stats.gaps++;
      void this.#catchUp(feed);
    }
  }

  #wakeReader(): void {
    this.#wake?.();
    if (!this.#blocked || this.#readerId === null) return;
    // A blocked read names the feeds it started with; unblocking it makes the next one include the new feed.
    this.#cmd.call('CLIENT', 'UNBLOCK', this.#readerId).catch(() => {});
  }

  #publishAwareness(feed: Feed, kind: number, update: Uint8Array): void {
    if (this.#closed) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, this.instanceId);
    encoding.writeVarUint(encoder, kind);
    encoding.writeVarUint8Array(encoder, update);
    this.#cmd.publish(feed.channel, Buffer.from(encoding.toUint8Array(encoder))).catch(() => {});
  }

  #onAwarenessMessage(channel: Buffer, message: Buffer): void {
    const feed = this.#byChannel.get(channel.toString());
    const hubDoc = feed?.hubDoc;
    if (!feed || !hubDoc) return;
    try {
      const decoder = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.length));
      if (decoding.readVarString(decoder) === this.instanceId) return;
      const kind = decoding.readVarUint(decoder);
      if (kind === AWARENESS_QUERY) {
        const states = hubDoc.encodeAwarenessStates();
        if (states) this.#publishAwareness(feed, AWARENESS_UPDATE, states);
      } else if (kind === AWARENESS_UPDATE) {
        this.#hub.applyRelayedAwareness(hubDoc, decoding.readVarUint8Array(decoder));
      }
    } catch (error) {
      this.#logger.warn({ err: error, docId: feed.docId }, 'invalid relayed awareness message; ignored');
    }
  }
}

function fieldOf<T extends string | Buffer>(fields: T[], name: string): T | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i]?.toString() === name) return fields[i + 1];
  return undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
