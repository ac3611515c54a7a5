// The JetStream adapter: the only module (with consumer.ts and large-objects.ts, its parts) that touches
// nats.js. A composition root calls connectJetStream once; services see the JetStreamBus interface.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  connect,
  nanos,
  NoRespondersError,
  TimeoutError,
  type NatsConnection,
  type Status,
} from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  jetstream,
  jetstreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import type { Logger } from 'pino';
import { silentLogger } from '../logger.ts';
import { runConsumer } from './consumer.ts';
import {
  largeObjectStore,
  type BucketOptions,
  type LargeObjectQuery,
  type LargeObjectStoreOptions,
} from './large-objects.ts';
import type {
  BusStatusEvent,
  ConsumerObserver,
  ConsumeSpec,
  ConsumerHandle,
  LargeObjectRef,
  LogSpec,
  PublishResult,
  WorkQueueSpec,
} from './types.ts';

export interface JetStreamConnectOptions {
  readonly servers: string | readonly string[];
  /** Client name shown by the server (e.g. the service name and replica). */
  readonly name?: string;
  readonly logger?: Logger;
  /** Keep trying when no server answers the first connect (a service started before its broker); default false. */
  readonly waitForServer?: boolean;
  /** Wait between reconnect attempts (default 500 ms); attempts never stop. */
  readonly reconnectTimeWaitMs?: number;
  /** Called on every connection status change (disconnect, reconnect, error, …), e.g. for health or metrics. */
  readonly onStatus?: (event: BusStatusEvent) => void;
  /** Sees every message any consumer of this connection handles (metrics). */
  readonly observer?: ConsumerObserver;
  /** Chunk size for large objects (default 256 KiB). */
  readonly largeObjects?: LargeObjectStoreOptions;
}

export interface PublishOptions {
  /** Nats-Msg-Id: the stream drops a second message with the same id inside its duplicate window. */
  readonly msgId: string;
  /** How long to wait for the stream's ack per attempt (default 2 s). */
  readonly timeoutMs?: number;
  /**
   * Attempts when the ack does not come (a broker restart, a lost connection); default 5. Retrying is safe:
   * the msgId makes a repeat a duplicate.
   */
  readonly attempts?: number;
}

export interface JetStreamBus {
  /** The server's max_payload in bytes: larger payloads go through putLarge (see large-objects.ts). */
  readonly maxPayload: number;
  /** Create the work-queue stream, or update it to this spec. */
  ensureWorkQueue(spec: WorkQueueSpec): Promise<void>;
  publish(subject: string, data: Uint8Array, options: PublishOptions): Promise<PublishResult>;
  /** Create (or update) the durable consumer and start handling its messages. */
  consume(spec: ConsumeSpec): Promise<ConsumerHandle>;
  /** Remove every message of `subject` (wildcards allowed) from the stream; answers how many went. */
  purge(stream: string, subject: string): Promise<number>;
  /** Messages stored in a stream (for a work queue: not yet acked by its consumer). */
  streamState(stream: string): Promise<StreamState>;
  /** A durable consumer's backlog: waiting to be delivered, delivered and unacked, redelivered. */
  consumerState(stream: string, durable: string): Promise<ConsumerState>;
  ensureObjectBucket(bucket: string, options?: BucketOptions): Promise<void>;
  /** Store bytes, or all a stream yields (read as the broker takes them); a failing stream leaves nothing. */
  putLarge(bucket: string, name: string, data: Uint8Array | ReadableStream<Uint8Array>): Promise<LargeObjectRef>;
  /** An object's bytes as a stream that fetches each chunk when its reader wants it (bounded memory). */
  readLarge(ref: LargeObjectQuery): Promise<ReadableStream<Uint8Array>>;
  /** An object's bytes in memory: for objects that are small by nature (frames, gallery photos). */
  getLarge(ref: LargeObjectQuery): Promise<Uint8Array>;
  deleteLarge(bucket: string, name: string): Promise<void>;
  /** Create the log stream (every message kept until it is too old or too many), or update it to this spec. */
  ensureLog(spec: LogSpec): Promise<void>;
  /**
   * Call `handler` with every message the stream keeps, oldest first, then with each new one, until the returned
   * function is called; resolves once the kept ones were handled.
   */
  replay(stream: string, handler: (data: Uint8Array) => void): Promise<() => void>;
  /** Publish on plain NATS: every subscriber connected now gets it; nothing is kept, nothing is acknowledged. */
  broadcast(subject: string, data: Uint8Array): void;
  /** Call `handler` with every plain NATS message on `subject` from now on, until the returned function is called. */
  subscribe(subject: string, handler: (data: Uint8Array) => void): () => void;
  /** Orderly shutdown: stop every consumer (running handlers settle), then drain the connection. */
  drain(): Promise<void>;
  /** Close at once: unsettled messages are redelivered after their ackWait (also what a crash looks like). */
  close(): Promise<void>;
}

export interface StreamState {
  readonly messages: number;
  readonly bytes: number;
  readonly firstSeq: number;
  readonly lastSeq: number;
}

export interface ConsumerState {
  /** Messages matching the consumer not yet delivered (the lag to autoscale on). */
  readonly pending: number;
  /** Delivered and not yet acked. */
  readonly ackPending: number;
  /** Delivered more than once and not yet acked. */
  readonly redelivered: number;
}

function statusEvent(status: Status): BusStatusEvent {
  switch (status.type) {
    case 'disconnect':
    case 'reconnect':
    case 'ldm':
      return { type: status.type, detail: status.server };
    case 'error':
      return { type: status.type, detail: status.error.message };
    case 'slowConsumer':
      return { type: status.type, detail: `${status.pending} pending` };
    case 'ping':
      return { type: status.type, detail: `${status.pendingPings} pending pings` };
    case 'reconnecting':
    case 'update':
    case 'staleConnection':
    case 'forceReconnect':
    case 'close':
      return { type: status.type };
  }
}

async function watchStatus(
  nc: NatsConnection,
  log: Logger,
  onStatus: ((event: BusStatusEvent) => void) | undefined,
): Promise<void> {
  for await (const status of nc.status()) {
    const event = statusEvent(status);
    if (event.type === 'ping' || event.type === 'reconnecting') log.debug(event, 'nats status');
    else if (event.type === 'disconnect' || event.type === 'error' || event.type === 'slowConsumer')
      log.warn(event, 'nats status');
    else log.info(event, 'nats status');
    onStatus?.(event);
  }
}

/** Errors after which a publish may be repeated: no ack in time, or no JetStream responder yet. */
function isTransient(error: unknown): boolean {
  return (
    error instanceof TimeoutError ||
    error instanceof NoRespondersError ||
    (error instanceof Error && error.cause instanceof NoRespondersError)
  );
}

/** How long replay waits for a stream's kept messages before it answers anyway (they may have expired meanwhile). */
const REPLAY_CATCH_UP_MS = 5_000;

/** The stream or consumer asked about does not exist (JetStream API error codes 10059, 10014). */
function isNotFound(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamNotFound || error.code === JetStreamApiCodes.ConsumerNotFound)
  );
}

/** Connect to NATS with reconnection forever; JetStream must be enabled on the server. */
export async function connectJetStream(options: JetStreamConnectOptions): Promise<JetStreamBus> {
  const log = (options.logger ?? silentLogger()).child({ component: 'jetstream' });
  const nc = await connect({
    servers: typeof options.servers === 'string' ? options.servers : [...options.servers],
    ...(options.name !== undefined ? { name: options.name } : {}),
    maxReconnectAttempts: -1,
    waitOnFirstConnect: options.waitForServer ?? false,
    reconnectTimeWait: options.reconnectTimeWaitMs ?? 500,
  });
  void watchStatus(nc, log, options.onStatus).catch((error: unknown) => log.warn({ err: error }, 'status watch ended'));
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const objects = largeObjectStore(js, jsm, options.largeObjects, nc.info?.max_payload ?? 1024 * 1024);
  const consumers = new Set<ConsumerHandle>();
  log.info({ server: nc.getServer(), maxPayload: nc.info?.max_payload }, 'connected');

  /** Create the stream with this retention, or update an existing one to `config`. */
  const ensureStream = async (
    name: string,
    retention: RetentionPolicy,
    config: Partial<StreamConfig> & { subjects: string[] },
  ): Promise<void> => {
    try {
      await jsm.streams.info(name);
      await jsm.streams.update(name, config);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.streams.add({ name, retention, storage: StorageType.File, discard: DiscardPolicy.Old, ...config });
    }
  };

  return {
    maxPayload: nc.info?.max_payload ?? 1024 * 1024,

    async purge(stream, subject) {
      return (await jsm.streams.purge(stream, { filter: subject })).purged;
    },

    broadcast(subject, data) {
      nc.publish(subject, data);
    },

    subscribe(subject, handler) {
      const sub = nc.subscribe(subject, {
        callback: (err, msg) => {
          if (err === null) handler(msg.data);
        },
      });
      return () => sub.unsubscribe();
    },

    async ensureWorkQueue(spec) {
      await ensureStream(spec.stream, RetentionPolicy.Workqueue, {
        subjects: [...spec.subjects],
        duplicate_window: nanos(spec.duplicateWindowMs),
        ...(spec.maxAgeMs !== undefined ? { max_age: nanos(spec.maxAgeMs) } : {}),
        ...(spec.maxMsgSize !== undefined ? { max_msg_size: spec.maxMsgSize } : {}),
      });
    },

    async ensureLog(spec) {
      await ensureStream(spec.stream, RetentionPolicy.Limits, {
        subjects: [...spec.subjects],
        duplicate_window: nanos(spec.duplicateWindowMs),
        max_age: nanos(spec.maxAgeMs),
        max_msgs: spec.maxMessages,
      });
    },

    async replay(stream, handler) {
      const { state } = await jsm.streams.info(stream);
      const consumer = await js.consumers.get(stream); // ordered: every kept message, then the new ones, in order
      let caughtUp: () => void = () => undefined;
      const kept = new Promise<void>((resolve) => {
        caughtUp = resolve;
      });
      if (state.messages === 0) caughtUp();
      // The kept messages may expire before they are delivered: do not wait for them for ever.
      const expiry = setTimeout(caughtUp, REPLAY_CATCH_UP_MS);
      const messages = await consumer.consume({
        callback: (msg) => {
          handler(msg.data);
          if (msg.info.pending === 0) caughtUp();
        },
      });
      await kept;
      clearTimeout(expiry);
      return () => void messages.stop();
    },

    async publish(subject, data, publishOptions) {
      const attempts = publishOptions.attempts ?? 5;
      for (let attempt = 1; ; attempt++) {
        try {
          const ack = await js.publish(subject, data, {
            msgID: publishOptions.msgId,
            timeout: publishOptions.timeoutMs ?? 2000,
          });
          return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
        } catch (error) {
          if (attempt >= attempts || !isTransient(error)) throw error;
          log.warn({ err: error, subject, attempt }, 'publish not acknowledged; retrying');
          await sleep(Math.min(2000, 100 * 2 ** attempt));
        }
      }
    },

    async consume(spec) {
      if (!(Number.isInteger(spec.maxAckPending) && spec.maxAckPending >= 1))
        throw new RangeError('maxAckPending must be an integer >= 1');
      const config = {
        ack_policy: AckPolicy.Explicit,
        ack_wait: nanos(spec.ackWaitMs),
        max_deliver: spec.maxDeliver,
        max_ack_pending: spec.maxAckPending,
        ...(spec.filterSubject !== undefined ? { filter_subject: spec.filterSubject } : {}),
      };
      try {
        await jsm.consumers.info(spec.stream, spec.durable);
        await jsm.consumers.update(spec.stream, spec.durable, config);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await jsm.consumers.add(spec.stream, {
          durable_name: spec.durable,
          deliver_policy: DeliverPolicy.All,
          ...config,
        });
      }
      const consumer = await js.consumers.get(spec.stream, spec.durable);
      const handle = await runConsumer(
        consumer,
        spec,
        log.child({ stream: spec.stream, durable: spec.durable }),
        options.observer,
      );
      const tracked: ConsumerHandle = {
        inFlight: () => handle.inFlight(),
        async stop() {
          consumers.delete(tracked);
          await handle.stop();
        },
      };
      consumers.add(tracked);
      return tracked;
    },

    async streamState(stream) {
      const { state } = await jsm.streams.info(stream);
      return { messages: state.messages, bytes: state.bytes, firstSeq: state.first_seq, lastSeq: state.last_seq };
    },

    async consumerState(stream, durable) {
      const info = await jsm.consumers.info(stream, durable);
      return { pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered };
    },

    ensureObjectBucket: (bucket, bucketOptions) => objects.ensureBucket(bucket, bucketOptions),
    putLarge: (bucket, name, data) => objects.put(bucket, name, data),
    readLarge: (ref) => objects.read(ref),
    getLarge: (ref) => objects.get(ref),
    deleteLarge: (bucket, name) => objects.delete(bucket, name),

    async drain() {
      await Promise.all([...consumers].map((c) => c.stop()));
      if (!nc.isClosed()) await nc.drain();
    },

    async close() {
      const open = [...consumers];
      consumers.clear();
      if (!nc.isClosed()) await nc.close();
      // Handlers still running are not awaited: their messages are redelivered after ackWait.
      void Promise.allSettled(open.map((c) => c.stop()));
    },
  };
}
