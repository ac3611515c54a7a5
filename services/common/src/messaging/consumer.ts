// One durable pull consumer run with bounded concurrency: at most maxAckPending handlers at once (the broker
// also never has more than that many unacked messages out), a working() heartbeat while a handler runs, and the
// handler's explicit outcome applied as ack / nak(delay) / term.
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { Logger } from 'pino';
import type { ConsumeSpec, ConsumerHandle, ConsumerObserver, DeliveredMessage, HandlerOutcome } from './types.ts';

function toDelivered(msg: JsMsg, maxDeliver: number): DeliveredMessage {
  const deliveryCount = msg.info.deliveryCount;
  return {
    subject: msg.subject,
    data: msg.data,
    streamSeq: msg.seq,
    deliveryCount,
    maxDeliver,
    lastAttempt: maxDeliver > 0 && deliveryCount >= maxDeliver,
    msgId: msg.headers?.get('Nats-Msg-Id') || undefined,
  };
}

/**
 * Apply the outcome. An ack waits for the broker's confirmation, so a handler's effects are never followed by
 * an ack the broker did not get. term() carries no reason on the wire: nats-server 2.9 does not recognise
 * "+TERM <reason>" and would redeliver; the reason goes to the log instead.
 */
async function settle(msg: JsMsg, outcome: HandlerOutcome): Promise<void> {
  if (outcome === 'ack') {
    if (!(await msg.ackAck())) throw new Error('ack not confirmed');
  } else if ('nak' in outcome) msg.nak(Math.max(0, Math.round(outcome.nak)));
  else msg.term();
}

/** Run one message through the handler and settle it; never throws. */
async function handleOne(
  msg: JsMsg,
  spec: ConsumeSpec,
  log: Logger,
  observer: ConsumerObserver | undefined,
): Promise<void> {
  const started = performance.now();
  observer?.started(spec.stream, spec.durable);
  const heartbeatMs = spec.heartbeatMs ?? Math.max(100, Math.floor(spec.ackWaitMs / 3));
  const timer = setInterval(() => msg.working(), heartbeatMs);
  const delivered = toDelivered(msg, spec.maxDeliver);
  let outcome: HandlerOutcome;
  try {
    outcome = await spec.handler(delivered);
  } catch (error) {
    log.warn(
      { err: error, subject: msg.subject, seq: msg.seq, deliveryCount: delivered.deliveryCount },
      'handler failed; nak',
    );
    outcome = { nak: spec.errorNakDelayMs ?? 1000 };
  } finally {
    clearInterval(timer);
  }
  if (typeof outcome === 'object' && 'term' in outcome) {
    log.warn(
      { subject: msg.subject, seq: msg.seq, deliveryCount: delivered.deliveryCount, reason: outcome.term },
      'message terminated',
    );
  }
  observer?.finished(
    spec.stream,
    spec.durable,
    performance.now() - started,
    outcome === 'ack' ? 'ack' : 'nak' in outcome ? 'nak' : 'term',
  );
  try {
    await settle(msg, outcome);
  } catch (error) {
    // The connection is gone: the broker redelivers after ackWait.
    log.warn({ err: error, subject: msg.subject, seq: msg.seq }, 'could not settle message');
  }
}

/** Start the consume loop on an existing durable consumer. */
export async function runConsumer(
  consumer: Consumer,
  spec: ConsumeSpec,
  log: Logger,
  observer?: ConsumerObserver,
): Promise<ConsumerHandle> {
  const messages: ConsumerMessages = await consumer.consume({
    max_messages: spec.maxAckPending,
    ...(spec.pullExpiresMs !== undefined ? { expires: Math.max(1000, spec.pullExpiresMs) } : {}),
  });
  const running = new Set<Promise<void>>();
  let stopping = false;

  const loop = (async () => {
    try {
      for await (const msg of messages) {
        while (running.size >= spec.maxAckPending) await Promise.race(running);
        const task: Promise<void> = handleOne(msg, spec, log, observer).finally(() => running.delete(task));
        running.add(task);
      }
    } catch (error) {
      if (!stopping) log.error({ err: error, stream: spec.stream, durable: spec.durable }, 'consume loop ended');
    }
  })();

  return {
    inFlight: () => running.size,
    async stop() {
      stopping = true;
      await messages.close();
      await loop;
      await Promise.all(running);
    },
  };
}
