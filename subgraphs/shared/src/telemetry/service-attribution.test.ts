import { context, propagation, ROOT_CONTEXT, SpanKind, trace, TraceFlags } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOnSampler,
  InMemorySpanExporter,
  NodeTracerProvider,
  SamplingDecision,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PerServiceResources, ServiceAttribution } from './service-attribution.js';
import { SERVICE_ATTRIBUTE, withService } from './service-scope.js';
import { BackgroundWorkFilter } from './tracing.js';

describe('spans say which service made them', () => {
  const exporter = new InMemorySpanExporter();
  const exported: { service: unknown; name: string }[] = [];
  const perService = new PerServiceResources(
    {
      export: (spans, done) => {
        for (const span of spans) exported.push({ service: span.resource.attributes['service.name'], name: span.name });
        done({ code: 0 });
      },
      shutdown: async () => {},
    },
    'bloomzy',
  );
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'bloomzy' }),
    spanProcessors: [
      new ServiceAttribution('bloomzy'),
      new SimpleSpanProcessor(exporter),
      new SimpleSpanProcessor(perService),
    ],
  });
  const tracer = () => trace.getTracer('test');
  const serviceOf = (name: string) =>
    exporter.getFinishedSpans().find((span) => span.name === name)?.attributes[SERVICE_ATTRIBUTE];

  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });
  beforeEach(() => {
    exporter.reset();
    exported.length = 0;
  });

  it('marks spans started inside withService, and the asynchronous work it starts, with that service', async () => {
    await withService('plants', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      tracer().startSpan('in plants').end();
    });
    tracer().startSpan('outside').end();
    expect(serviceOf('in plants')).toBe('plants');
    expect(serviceOf('outside')).toBe('bloomzy');
  });

  it('gives a local child its parent’s service, and a remote child the service it runs in', () => {
    withService('router', () =>
      tracer().startActiveSpan('gateway.fetch', (fetch) => {
        tracer().startSpan('child').end();
        // The subgraph's server span: its parent is the router's, arrived over HTTP, and it runs as notifications.
        const remote = propagation.extract(ROOT_CONTEXT, {
          traceparent: `00-${fetch.spanContext().traceId}-${fetch.spanContext().spanId}-01`,
        });
        withService('notifications', () => tracer().startSpan('POST', { kind: SpanKind.SERVER }, remote).end());
        fetch.end();
      }),
    );
    expect(serviceOf('child')).toBe('router');
    expect(serviceOf('POST')).toBe('notifications');
  });

  it('exports a span under its own service’s resource when it is not the process’s', () => {
    withService('auth', () => tracer().startSpan('in auth').end());
    tracer().startSpan('in process').end();
    expect(exported).toEqual([
      { service: 'auth', name: 'in auth' },
      { service: 'bloomzy', name: 'in process' },
    ]);
  });
});

describe('BackgroundWorkFilter', () => {
  const filter = new BackgroundWorkFilter(new AlwaysOnSampler());
  const decide = (kind: SpanKind, name = 'x', parent = ROOT_CONTEXT) =>
    filter.shouldSample(parent, 'a'.repeat(32), name, kind, {}, []).decision;
  const withParent = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: 'a'.repeat(32),
    spanId: 'b'.repeat(16),
    traceFlags: TraceFlags.SAMPLED,
  });

  it('starts traces where work arrives: requests, events, messages', () => {
    expect(decide(SpanKind.SERVER)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide(SpanKind.CONSUMER)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide(SpanKind.PRODUCER)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  });

  it('drops polling that would start a trace of its own: SQL, outgoing requests, parsing', () => {
    expect(decide(SpanKind.INTERNAL, 'prisma:client:db_query')).toBe(SamplingDecision.NOT_RECORD);
    expect(decide(SpanKind.CLIENT, 'GET')).toBe(SamplingDecision.NOT_RECORD);
    expect(decide(SpanKind.INTERNAL, 'graphql.parseSchema')).toBe(SamplingDecision.NOT_RECORD);
  });

  it('keeps the same spans inside a trace', () => {
    expect(decide(SpanKind.INTERNAL, 'prisma:client:db_query', withParent)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide(SpanKind.CLIENT, 'GET', withParent)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  });
});
