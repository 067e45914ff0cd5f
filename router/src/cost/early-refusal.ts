/**
 * Refuses an HTTP GraphQL request above the maximum cost before Apollo Server parses and validates it. Validation is
 * what a costly document makes slow: 1000 aliases take graphql-js 35 to 100 ms to validate, and costing them a tenth
 * of that, so waiting for Apollo Server's `didResolveOperation` would refuse them only after the work the limit is
 * there to spare. A request this cannot read (no query, a batch, bad JSON variables, a syntax error) goes on to Apollo
 * Server, which answers it; what it lets through is costed again by the plugin, which stays the authority.
 */
import type { preHandlerAsyncHookHandler } from 'fastify';
import { parse } from 'graphql';
import type { DemandControl } from './plugin.js';

interface GraphQLParams {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

/** The operation of a POST body or GET query string, as GraphQL over HTTP sends it; undefined when it is not one. */
function paramsOf(input: unknown): GraphQLParams | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
  const { query, operationName, variables } = input as Record<string, unknown>;
  if (typeof query !== 'string') return undefined;
  let parsed = variables;
  if (typeof variables === 'string') {
    try {
      parsed = JSON.parse(variables);
    } catch {
      return undefined;
    }
  }
  return {
    query,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined,
  };
}

export function refuseCostlyRequests(demandControl: Pick<DemandControl, 'check'>): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const params = paramsOf(request.method === 'GET' ? request.query : request.body);
    if (!params) return;
    let document;
    try {
      document = parse(params.query, { noLocation: true });
    } catch {
      return;
    }
    const { cost, refusal } = demandControl.check({ document, ...params });
    if (!refusal) return;
    await reply.code(400).send({ errors: [refusal.toJSON()], extensions: { cost } });
  };
}
