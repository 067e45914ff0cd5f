import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Context,
} from '@opentelemetry/api';
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../messaging/event-bus.js';
import { MemoryPubSub } from '../messaging/pubsub.js';
import {
  consumeMessage,
  extractTraceContext,
  isTracing,
  produceMessage,
  traceContextHeaders,
  traceFieldsOf,
  untracedHeaders,
} from './propagation.js';

describe('without tracing', () => {
  it('carries nothing and runs handlers as they are', async () => {
    expect(isTracing()).toBe(false);
    expect(traceContextHeaders()).toEqual({});
    expect(untracedHeaders()).toEqual({});
    await expect(produceMessage('publish x', {}, async (carrier) => carrier)).resolves.toEqual({});
    await expect(consumeMessage('process x', {}, undefined, async () => 42)).resolves.toBe(42);
  });
});

describe('with tracing', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = () => trace.getTracer('test');
  const finished = (name: string) => exporter.getFinishedSpans().filter((span) => span.name === name);

  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });
  beforeEach(() => exporter.reset());

  it('knows a tracer provider is registered', () => expect(isTracing()).toBe(true));

  it('writes and reads the W3C traceparent of the active span', () => {
    tracer().startActiveSpan('outer', (span) => {
      const headers = traceContextHeaders();
      const { traceId, spanId } = span.spanContext();
      expect(headers.traceparent).toBe(`00-${traceId}-${spanId}-01`);
      expect(trace.getSpanContext(extractTraceContext(headers))).toMatchObject({ traceId, spanId, isRemote: true });
      span.end();
    });
    expect(trace.getSpanContext(extractTraceContext(undefined))).toBeUndefined();
  });

  it('asks receivers not to trace with untracedHeaders (sampled flag off)', () => {
    const sampled = trace.getSpanContext(extractTraceContext(untracedHeaders()));
    expect(sampled?.traceFlags).toBe(TraceFlags.NONE);
  });

  it('consumes a message in a new trace whose CONSUMER span links to the PRODUCER span', async () => {
    let carried: Record<string, string> = {};
    await tracer().startActiveSpan('waterPlant', async (request) => {
      await produceMessage('publish plants.care-schedule', { 'messaging.destination.name': 'x' }, async (carrier) => {
        carried = carrier;
      });
      request.end();
    });
    const inConsumer = await consumeMessage('process plants.care-schedule', {}, carried, async () =>
      trace.getActiveSpan()?.spanContext(),
    );
    const [request] = finished('waterPlant');
    const [producer] = finished('publish plants.care-schedule');
    const [consumer] = finished('process plants.care-schedule');
    expect(producer?.kind).toBe(SpanKind.PRODUCER);
    expect(producer?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    expect(producer?.spanContext().traceId).toBe(request?.spanContext().traceId);
    expect(consumer?.kind).toBe(SpanKind.CONSUMER);
    expect(consumer?.spanContext().spanId).toBe(inConsumer?.spanId);
    expect(consumer?.spanContext().traceId).not.toBe(request?.spanContext().traceId);
    expect(consumer?.parentSpanContext).toBeUndefined();
    expect(consumer?.links.map((link) => link.context.spanId)).toEqual([producer?.spanContext().spanId]);
  });

  it('records a failed handler on its span and rethrows', async () => {
    await expect(
      consumeMessage('process broken', {}, undefined, async () => {
        throw new Error('database gone');
      }),
    ).rejects.toThrow('database gone');
    const [span] = finished('process broken');
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'database gone' });
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('reads the trace fields of a Redis stream entry', () => {
    expect(traceFieldsOf(['data', '{}', 'traceparent', '00-a-b-01', 'baggage', 'k=v', 'other', 'x'])).toEqual({
      traceparent: '00-a-b-01',
      baggage: 'k=v',
    });
  });

  it('links an event-bus delivery to its publish, and runs it in the consumer’s context', async () => {
    const bus = new MemoryEventBus();
    const key = Symbol('consumer');
    let seen: unknown;
    const asConsumer: Context = ROOT_CONTEXT.setValue(key, 'notifications');
    context.with(asConsumer, () =>
      bus.consume('plants.care-schedule', 'notifications', async () => {
        seen = context.active().getValue(key);
      }),
    );
    await tracer().startActiveSpan('waterPlant', async (span) => {
      await bus.publish('plants.care-schedule', { userPlantId: 'p1' });
      span.end();
    });
    await bus.drain();
    const [publish] = finished('publish plants.care-schedule');
    const [process] = finished('process plants.care-schedule');
    expect(process?.links[0]?.context.spanId).toBe(publish?.spanContext().spanId);
    expect(process?.attributes['messaging.consumer.group.name']).toBe('notifications');
    expect(seen).toBe('notifications');
    await bus.close();
  });

  it('links a pub/sub receipt to its publish and hands subscribers the bare payload', async () => {
    const pubsub = new MemoryPubSub();
    const messages = pubsub.subscribe<{ id: string }>('notifications.user.u1');
    await tracer().startActiveSpan('dispatch', async (span) => {
      await pubsub.publish('notifications.user.u1', { id: 'n1' });
      span.end();
    });
    expect((await messages.next()).value).toEqual({ id: 'n1' });
    const [publish] = finished('publish notifications.user');
    const [receive] = finished('receive notifications.user');
    expect(receive?.links[0]?.context.spanId).toBe(publish?.spanContext().spanId);
    await messages.return?.();
    await pubsub.close();
  });
});
