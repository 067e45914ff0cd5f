/**
 * Spans say which service made them. `ServiceAttribution` marks every span with `bloomzy.service`: its parent's
 * (a local parent is always the same service), else the service the surrounding code runs as (telemetry/service-scope.ts:
 * a request that arrived with a remote parent is attributed to the server that accepted it), else the process's.
 * `PerServiceResources` exports a span whose service is not the process's under a resource named after that
 * service, so that `npm start`, one process, still shows router, auth, plants and notifications in Jaeger.
 */
import { context, trace, type Context } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { ReadableSpan, Span, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { SERVICE_ATTRIBUTE, serviceIn } from './service-scope.js';

export class ServiceAttribution implements SpanProcessor {
  constructor(private readonly processService: string) {}

  onStart(span: Span, parentContext: Context): void {
    const parent = trace.getSpan(parentContext) as Partial<ReadableSpan> | undefined;
    const inherited = parent?.attributes?.[SERVICE_ATTRIBUTE];
    const service =
      (typeof inherited === 'string' ? inherited : undefined) ??
      serviceIn(parentContext) ??
      serviceIn(context.active()) ??
      this.processService;
    span.setAttribute(SERVICE_ATTRIBUTE, service);
  }

  onEnd(): void {}
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

export class PerServiceResources implements SpanExporter {
  readonly #resources = new Map<string, Resource>();

  constructor(
    private readonly inner: SpanExporter,
    private readonly processService: string,
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(
      spans.map((span) => this.#rebased(span)),
      resultCallback,
    );
  }

  /** The span as `service` made it: the same span, seen through an object whose `resource` names that service. */
  #rebased(span: ReadableSpan): ReadableSpan {
    const service = span.attributes[SERVICE_ATTRIBUTE];
    if (typeof service !== 'string' || service === this.processService) return span;
    let resource = this.#resources.get(service);
    if (!resource) {
      resource = span.resource.merge(resourceFromAttributes({ 'service.name': service }));
      this.#resources.set(service, resource);
    }
    return Object.create(span, { resource: { value: resource } }) as ReadableSpan;
  }

  async shutdown(): Promise<void> {
    await this.inner.shutdown();
  }

  async forceFlush(): Promise<void> {
    await this.inner.forceFlush?.();
  }
}
