/**
 * What the fuzz suite sends: from the API schema of the composed supergraph, every field with arguments that a client
 * can reach (root query and mutation fields, and fields with arguments nested under query fields that take no
 * required argument), and for each the targets to corrupt: every argument and, inside input objects, every input
 * field (to a bounded depth, input types may recurse).
 */
import { Supergraph } from '@apollo/federation-internals';
import {
  getNamedType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { composeSupergraph } from '../../scripts/supergraph.js';

/** A field with arguments, and the selections that lead to it from the operation's root. */
export interface FuzzOperation {
  kind: 'query' | 'mutation';
  /** Field names from the root to the field (`['me', 'plants']`), each but the last without arguments. */
  path: string[];
  field: GraphQLField<unknown, unknown>;
}

/** One argument or input field to corrupt: the argument's name, then input field names. */
export interface FuzzTarget {
  operation: FuzzOperation;
  /** `['input', 'wateredAt']`. */
  path: string[];
  /** What the schema expects there. */
  type: GraphQLInputType;
}

/** Mutations that would end the suite's own session (the fuzzed values never include its password). */
const SESSION_ENDING = new Set(['logout']);
/** Input types recurse (filters of filters); corrupting deeper than this adds nothing. */
const MAX_INPUT_DEPTH = 3;
/** Nested fields with arguments are looked for this far down (`me.plants.edges.node.growthEntries` is five). */
const MAX_FIELD_DEPTH = 5;

export async function apiSchema(): Promise<GraphQLSchema> {
  return Supergraph.build(await composeSupergraph())
    .apiSchema()
    .toGraphQLJSSchema();
}

function nestedOperations(type: GraphQLObjectType, path: string[], out: FuzzOperation[], seen: Set<string>) {
  if (path.length >= MAX_FIELD_DEPTH) return;
  for (const field of Object.values(type.getFields())) {
    const at = [...path, field.name];
    if (field.args.length) out.push({ kind: 'query', path: at, field });
    // Go deeper only through fields a selection can reach without inventing required arguments.
    const named = getNamedType(field.type);
    if (field.args.some((arg) => isNonNullType(arg.type)) || !('getFields' in named) || isInputObjectType(named))
      continue;
    const key = `${type.name}.${field.name}`;
    if (seen.has(key)) continue;
    nestedOperations(named as GraphQLObjectType, at, out, new Set([...seen, key]));
  }
}

export function fuzzOperations(schema: GraphQLSchema): FuzzOperation[] {
  const out: FuzzOperation[] = [];
  const query = schema.getQueryType();
  if (query) nestedOperations(query, [], out, new Set());
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    if (!SESSION_ENDING.has(field.name)) out.push({ kind: 'mutation', path: [field.name], field });
  }
  return out;
}

function inputTargets(operation: FuzzOperation, path: string[], type: GraphQLInputType, out: FuzzTarget[]) {
  out.push({ operation, path, type });
  const named = getNamedType(type);
  if (!isInputObjectType(named) || path.length > MAX_INPUT_DEPTH) return;
  for (const field of Object.values(named.getFields())) inputTargets(operation, [...path, field.name], field.type, out);
}

export function fuzzTargets(operations: FuzzOperation[]): FuzzTarget[] {
  const out: FuzzTarget[] = [];
  for (const operation of operations) {
    for (const arg of operation.field.args) inputTargets(operation, [arg.name], arg.type, out);
  }
  return out;
}

/** The selection under the fuzzed field: `__typename` for objects, nothing for leaves. */
const selectionOf = (field: GraphQLField<unknown, unknown>) =>
  isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';

/** A variable definition's type for an argument (its SDL type, e.g. `[ID!]!`). */
const typeName = (type: GraphQLInputType): string => String(type);

/**
 * The document for one operation: arguments as variables (`$input`), or inline literals when `inline` holds their
 * GraphQL text by argument name.
 */
export function documentFor(
  operation: FuzzOperation,
  args: readonly GraphQLArgument[],
  inline?: Record<string, string>,
): string {
  const variables = inline ? [] : args.map((arg) => `$${arg.name}: ${typeName(arg.type)}`);
  const argumentText = args.map((arg) => `${arg.name}: ${inline ? inline[arg.name] : `$${arg.name}`}`).join(', ');
  const [last, ...outer] = [...operation.path].reverse();
  let body = `${last}${argumentText ? `(${argumentText})` : ''}${selectionOf(operation.field)}`;
  for (const name of outer) body = `${name} { ${body} }`;
  const header = variables.length ? `(${variables.join(', ')})` : '';
  return `${operation.kind} Fuzz${header} { ${body} }`;
}
