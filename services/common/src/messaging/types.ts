// The messaging layer's vocabulary, free of nats.js types: what services depend on, so an in-memory bus can
// implement the same interfaces for the embedded runtime.

/** A message as a consumer's handler sees it. */
export interface DeliveredMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  /** The message's stream sequence (stable across redeliveries). */
  readonly streamSeq: number;
  /** 1 on first delivery, 2 on the first redelivery, … */
  readonly deliveryCount: number;
  /** The consumer's max deliveries (-1: unlimited). */
  readonly maxDeliver: number;
  /** True when this is the last delivery the broker will make: nak would drop it silently, so term and report. */
  readonly lastAttempt: boolean;
  /** The Nats-Msg-Id the publisher gave, if any. */
  readonly msgId: string | undefined;
}

/**
 * What a handler decided, applied by the adapter: 'ack' (done), nak (redeliver after delayMs), or term (never
 * redeliver: a poison message; the reason is logged and reported by the caller).
 */
export type HandlerOutcome = 'ack' | { readonly nak: number } | { readonly term: string };

/** Decides one message's outcome; a throw counts as a nak after ConsumeSpec.errorNakDelayMs. */
export type MessageHandler = (message: DeliveredMessage) => Promise<HandlerOutcome>;

export interface WorkQueueSpec {
  readonly stream: string;
  readonly subjects: readonly string[];
  /** Drop messages older than this (default: keep until consumed). */
  readonly maxAgeMs?: number;
  /** Window in which a repeated Nats-Msg-Id is dropped as a duplicate. */
  readonly duplicateWindowMs: number;
  /** Largest message the stream accepts, in bytes (default: the server's max_payload). */
  readonly maxMsgSize?: number;
}

/** A stream that keeps every message until it is too old or too many (a log that services replay at start). */
export interface LogSpec {
  readonly stream: string;
  readonly subjects: readonly string[];
  /** Drop messages older than this. */
  readonly maxAgeMs: number;
  /** Keep at most this many messages (the oldest go first). */
  readonly maxMessages: number;
  /** Window in which a repeated Nats-Msg-Id is dropped as a duplicate. */
  readonly duplicateWindowMs: number;
}

export interface ConsumeSpec {
  readonly stream: string;
  /** Durable consumer name: every replica of a worker uses the same one and shares the work. */
  readonly durable: string;
  /** Only messages on this subject (wildcards allowed); default all the stream's subjects. */
  readonly filterSubject?: string;
  /** Most messages delivered and not yet acked, over all replicas; also this process's handler concurrency. */
  readonly maxAckPending: number;
  /** How long the broker waits for an ack before redelivering. */
  readonly ackWaitMs: number;
  /** Most deliveries of one message (then the broker gives up on it). */
  readonly maxDeliver: number;
  /** How often a running handler tells the broker it is still working (default ackWaitMs / 3). */
  readonly heartbeatMs?: number;
  /** Delay before redelivery when the handler throws (default 1000 ms). */
  readonly errorNakDelayMs?: number;
  /** Pull request expiry in ms (min 1000; default the client's 30 s). Short values recover faster after a broker restart. */
  readonly pullExpiresMs?: number;
  readonly handler: MessageHandler;
}

export interface ConsumerHandle {
  /** Stop pulling, wait for running handlers to settle their messages. */
  stop(): Promise<void>;
  /** Handlers running now. */
  inFlight(): number;
}

export interface PublishResult {
  readonly stream: string;
  readonly seq: number;
  /** True when the stream had already seen this msgId within its duplicate window (nothing was stored). */
  readonly duplicate: boolean;
}

/** Where a large payload was put: the shape of pmr.v1.ObjectRef (size as a decimal string, like uint64 fields). */
export interface LargeObjectRef {
  readonly bucket: string;
  readonly name: string;
  readonly size: string;
  /** Lower-case hex SHA-256 of the bytes. */
  readonly sha256: string;
}

/** Connection events for logs and health: disconnect, reconnect, error, … */
export interface BusStatusEvent {
  readonly type: string;
  readonly detail?: string;
}

/** Sees every message a consumer handles (for metrics): when its handler starts, and how it ended. */
export interface ConsumerObserver {
  started(stream: string, durable: string): void;
  finished(stream: string, durable: string, ms: number, outcome: 'ack' | 'nak' | 'term'): void;
}
