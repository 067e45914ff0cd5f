/**
 * The gateway's post-processing — shaping the data merged from the subgraphs into the client's answer (which fields,
 * under which names, in which order, null propagation for non-null fields, leaf values checked) — with the same
 * algorithm and results as @apollo/gateway's `computeResponse` (dist/resultShaping.js), but without re-deriving what
 * only depends on the operation for every object of the answer.
 *
 * In a CPU profile of the router under the gateway benchmark, that function was a fifth of the busy time: for each
 * object it looked up @skip/@include twice per selection, walked each field's type through re-exported getters and
 * allocated a result record per value, and it built prototype-less objects, which V8 keeps in dictionary mode (slow to
 * fill and to serialize). Here each selection set is prepared once per operation execution (skip/include evaluated,
 * response names, the field's type unwrapped into a chain) and reused for every object it applies to; answers are
 * plain objects, names that exist on Object.prototype read and written as own properties.
 *
 * `useFastResultShaping` puts it in place of the original: executeQueryPlan calls `computeResponse` through the module
 * object of resultShaping.js, so replacing that export is enough. Equivalence is checked against the original in
 * result-shaping.test.ts; @apollo/gateway is pinned to an exact version.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Operation } from '@apollo/federation-internals';
import { NULL_BUBBLE_UP, Shaper, type ComputedResponse, type ComputeResponseOptions } from './result-shaper.js';

/**
 * Shapes answers to one operation with fixed variables, reusing the prepared selection sets from one answer to the
 * next: for a subscription, whose every event is shaped against the same operation.
 */
export function prepareShaping(
  operation: Operation,
  variables: Record<string, unknown> | undefined,
): (
  input: ComputeResponseOptions['input'],
  introspectionHandling: ComputeResponseOptions['introspectionHandling'],
) => ComputedResponse {
  const schema = operation.schema();
  const rootType = schema.schemaDefinition.rootType(operation.rootKind)!;
  const shaper = new Shaper(
    schema,
    { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables } as Record<string, unknown>,
    () => undefined,
  );
  try {
    // The root's selections now; deeper ones as answers reach them (a skip variable's error belongs to an answer).
    shaper.steps(operation.selectionSet);
  } catch {
    // Thrown again, and reported, when an answer is shaped.
  }
  return (input, introspectionHandling) => {
    if (!input) return { data: input, errors: [] };
    shaper.errors = [];
    shaper.introspectionHandling = introspectionHandling;
    const data: Record<string, unknown> = {};
    const res = shaper.applySelectionSet(input, operation.selectionSet, data, [], rootType);
    return { data: res === NULL_BUBBLE_UP ? null : data, errors: shaper.errors };
  };
}

/** The client's answer from the data merged from the subgraphs (@apollo/gateway's computeResponse, same contract). */
export function computeResponse({
  operation,
  variables,
  input,
  introspectionHandling,
}: ComputeResponseOptions): ComputedResponse {
  if (!input) return { data: input, errors: [] };
  return prepareShaping(operation, variables)(input, introspectionHandling);
}

interface ResultShapingModule {
  computeResponse: typeof computeResponse;
}

/** @apollo/gateway's resultShaping module, the one its executeQueryPlan calls through. */
export function gatewayResultShaping(): ResultShapingModule {
  const require = createRequire(import.meta.url);
  const gatewayMain = require.resolve('@apollo/gateway');
  return require(path.join(path.dirname(gatewayMain), 'resultShaping.js')) as ResultShapingModule;
}

let original: ResultShapingModule['computeResponse'] | undefined;

/**
 * Makes @apollo/gateway shape answers with `computeResponse` above; returns the gateway's own function (tests compare
 * the two). Idempotent. Throws if this @apollo/gateway has no such module (a version that moved it): the router would
 * still be correct with the original, but the throughput it is sized for would silently be gone.
 */
export function useFastResultShaping(): ResultShapingModule['computeResponse'] {
  const module = gatewayResultShaping();
  if (typeof module.computeResponse !== 'function') {
    throw new Error('@apollo/gateway/dist/resultShaping.js has no computeResponse: check result-shaping.ts');
  }
  if (module.computeResponse !== computeResponse) {
    original = module.computeResponse;
    module.computeResponse = computeResponse;
  }
  return original!;
}
