/**
 * The OpenTelemetry SDK, loaded only when tracing is configured (telemetry/start-tracing.ts): a tracer provider that
 * batches spans to an OTLP/HTTP receiver (protobuf or JSON), and the instrumentations that make the spans:
 * - @apollo/gateway's own spans (parse, validate, plan, one per subgraph fetch), once a provider is registered;
 * - HTTP servers and clients (node:http: fastify, the gateway's subgraph fetches) and fetch (undici: webhooks, JWKS),
 *   which also carry the W3C trace context in and out;
 * - GraphQL parse, validate, execute and resolvers with their own logic in each subgraph;
 * - every SQL statement Prisma runs, through any driver adapter (pg in production, PGlite in `npm start`);
 * - Redis commands (ioredis) made while handling something.
 */
import {
  DiagConsoleLogger,
  DiagLogLevel,
  diag,
  isSpanContextValid,
  SpanKind,
  trace,
  type Attributes,
  type Context,
  type Link,
} from '@opentelemetry/api';
import { OTLPTraceExporter as JsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SamplingResult,
} from '@opentelemetry/sdk-trace-node';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import type { TelemetryConfig } from '../config.js';
import { PerServiceResources, ServiceAttribution } from './service-attribution.js';

/** Probes and scrapes answer every few seconds; a trace each would bury the real ones. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

export interface Tracing {
  /** Sends the spans still buffered and stops; called once, at exit. */
  shutdown(): Promise<void>;
}

export function startSdk(config: TelemetryConfig & { endpoint: string }, service: string): Tracing {
  diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.WARN);
  const url = `${config.endpoint.replace(/\/+$/, '')}/v1/traces`;
  const exporter = config.protocol === 'http/json' ? new JsonExporter({ url }) : new ProtobufExporter({ url });
  const processService = config.serviceName ?? service;
  const provider = new NodeTracerProvider({
    resource: defaultResource().merge(resourceFromAttributes({ 'service.name': processService })),
    sampler: new BackgroundWorkFilter(samplerOf(config)),
    spanProcessors: [
      new ServiceAttribution(service),
      new BatchSpanProcessor(new PerServiceResources(exporter, processService), {
        scheduledDelayMillis: config.scheduleDelayMs,
      }),
    ],
  });
  // Registers the tracer provider, AsyncLocalStorage context and the W3C trace-context and baggage propagators.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
      }),
      new UndiciInstrumentation(),
      new GraphQLInstrumentation({
        // Fields that only read a property of their parent are most of a response; a span each would drown it.
        ignoreTrivialResolveSpans: true,
        mergeItems: true,
      }),
      // The statements and the operations around them; not the client's own steps (serialize, compile, connect).
      new PrismaInstrumentation({ ignoreSpanTypes: [/^prisma:client:(serialize|compile|connect)$/] }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  return { shutdown: () => provider.shutdown() };
}

/** OTEL_TRACES_SAMPLER as the SDK spells it. */
function samplerOf(config: TelemetryConfig): Sampler {
  const ratio = new TraceIdRatioBasedSampler(config.samplerRatio);
  switch (config.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
  }
}

/**
 * A trace starts where work arrives: a request (SERVER), an event (CONSUMER) or a message sent by background work
 * (PRODUCER). Anything else with no parent is background noise that would fill the receiver with one-span traces: a
 * database query or an outgoing request of a polling tick (dispatcher, reconciler, readiness checks), the parsing of
 * the supergraph at start-up.
 */
const TRACE_STARTS = new Set([SpanKind.SERVER, SpanKind.CONSUMER, SpanKind.PRODUCER]);

export class BackgroundWorkFilter implements Sampler {
  constructor(private readonly inner: Sampler) {}

  shouldSample(
    context: Context,
    traceId: string,
    name: string,
    kind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    const parent = trace.getSpanContext(context);
    const root = !parent || !isSpanContextValid(parent);
    if (root && !TRACE_STARTS.has(kind)) return { decision: SamplingDecision.NOT_RECORD };
    return this.inner.shouldSample(context, traceId, name, kind, attributes, links);
  }

  toString(): string {
    return `BackgroundWorkFilter{${this.inner.toString()}}`;
  }
}
