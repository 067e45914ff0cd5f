/**
 * What an event bus (event-bus.ts) runs for one consumer, whichever bus it is: the stored event decoded against its
 * topic, the handler called within a CONSUMER span, and, for batch consumers, the events of one turn gathered.
 */
import type { Logger } from '../logger.js';
import { consumeMessage, type TraceCarrier } from '../telemetry/propagation.js';
import type { BatchHandler, EventHandler, Topic } from './event-bus.js';

/** What a bus hands a consumer: the event as stored (JSON text) and the trace context of its publisher, if any. */
export type Delivery = (text: string, trace?: TraceCarrier) => Promise<void>;
/** An event as stored and its publisher's trace context, as a batch consumer receives several. */
interface Stored {
  text: string;
  trace?: TraceCarrier | undefined;
}
export type BatchDelivery = (events: readonly Stored[]) => Promise<void>;

export const streamOf = (source: Topic<unknown> | string) => (typeof source === 'string' ? source : source.stream);

/**
 * What a bus runs for a batch consumer, given events as stored (JSON text). An event that is not JSON or does not
 * match its topic's schema can never succeed, so it is logged and dropped here (the bus acknowledges it) rather than
 * thrown: a throw would make the bus redeliver it forever. Only the handler's own failures are thrown, and retried.
 * Each delivery is a trace of its own (a CONSUMER span) linked to the publisher of each of its events.
 */
export function batchReceiver<T>(
  source: Topic<T> | string,
  group: string,
  handler: BatchHandler<T>,
  logger: Logger | undefined,
): BatchDelivery {
  const stream = streamOf(source);
  const decode = decoder(source, logger);
  const attributes = {
    'messaging.system': 'bloomzy.event-bus',
    'messaging.operation.type': 'process',
    'messaging.destination.name': stream,
    'messaging.consumer.group.name': group,
  };
  return (stored) =>
    consumeMessage(
      `process ${stream}`,
      // OpenTelemetry's messaging conventions count messages only on spans that handle more than one.
      stored.length > 1 ? { ...attributes, 'messaging.batch.message_count': stored.length } : attributes,
      stored.map((s) => s.trace),
      async () => {
        const events = stored.flatMap(({ text }) => {
          const decoded = decode(text);
          return decoded === DROPPED ? [] : [decoded];
        });
        if (events.length > 0) await handler(events);
      },
    );
}

/** batchReceiver for a consumer of one event at a time. */
export function receiver<T>(
  source: Topic<T> | string,
  group: string,
  handler: EventHandler<T>,
  logger: Logger | undefined,
): Delivery {
  const deliver = batchReceiver(source, group, ([event]) => handler(event as T), logger);
  return (text, trace) => deliver([{ text, trace }]);
}

const DROPPED = Symbol('dropped');

/** The event a stored text holds, or DROPPED (logged) when it is not JSON or does not match its topic. */
function decoder<T>(source: Topic<T> | string, logger: Logger | undefined): (text: string) => T | typeof DROPPED {
  if (typeof source === 'string') return (text) => JSON.parse(text) as T;
  return (text) => {
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      logger?.warn('dropping an event that is not JSON', { stream: source.stream, event: text });
      return DROPPED;
    }
    const parsed = source.schema.safeParse(payload);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    logger?.warn('dropping an event that does not match its topic', { stream: source.stream, issues, event: payload });
    return DROPPED;
  };
}

/**
 * A Delivery that hands a batch consumer the events delivered to it in one turn of the event loop together. When a
 * batch fails, its events are tried again one by one at once (see EventBus.consumeBatches), and each delivery settles
 * with its own outcome; one that failed is retried by the bus, as any delivery is.
 */
export function batching(deliver: BatchDelivery): Delivery {
  let waiting: (Stored & { settle: (error?: unknown) => void })[] | null = null;
  const flush = () => {
    const batch = waiting ?? [];
    waiting = null;
    deliver(batch).then(
      () => batch.forEach((d) => d.settle()),
      () =>
        batch.forEach((d) =>
          deliver([d]).then(
            () => d.settle(),
            (error: unknown) => d.settle(error ?? new Error('event handler failed')),
          ),
        ),
    );
  };
  return (text, trace) =>
    new Promise<void>((resolve, reject) => {
      if (!waiting) {
        waiting = [];
        setImmediate(flush);
      }
      waiting.push({ text, trace, settle: (error) => (error === undefined ? resolve() : reject(error)) });
    });
}
