/**
 * The static cost of one operation, computed from the supergraph before it is planned, after the IBM GraphQL cost
 * spec as Apollo Router's demand control implements it (its "estimated" cost):
 * - a field costs its `@cost` weight, else its type's `@cost`, else 1 for an object, interface or union and 0 for a
 *   scalar or enum; plus the cost of its selection;
 * - a list field multiplies that by its size: the value of a `@listSize` slicing argument (`first`, from the operation,
 *   its variables or the argument's default; a list argument counts its length), else `assumedSize`, else the
 *   configured default list size. With `sizedFields` the size applies to those fields of the result (a connection's
 *   `edges`) instead;
 * - arguments cost their `@cost` weight; input objects 1 each, plus their fields;
 * - every root mutation field adds 10 (Apollo Router adds 10 once per mutation, the same for a one-field mutation;
 *   per field, a thousand aliased writes cost what a thousand writes cost);
 * - `__typename` and introspection cost nothing (the router answers them itself); fields skipped by `@skip`/`@include`
 *   cost nothing; fragments cost what their selection costs where they are spread.
 * The walk is recursive rather than a document-order `visit`: a fragment is costed where it is spread, times the
 * sizes of the lists around it. Fragment costs are memoised, so a fragment spread a thousand times is walked once.
 * Unknown fields and fragments cost 0 (validation refuses them), so it never throws on a document it did not validate;
 * nesting deeper than any real operation (MAX_NESTING) is costed as unbounded rather than recursed into.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isCompositeType,
  isInputObjectType,
  isListType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type InlineFragmentNode,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';
import type { CostModel, ListSize } from './cost-model.js';

export interface CostRequest {
  readonly document: DocumentNode;
  readonly operationName?: string | null | undefined;
  /** As the client sent them: they are coerced (defaults applied) here. */
  readonly variables?: Readonly<Record<string, unknown>> | null | undefined;
}

export interface EstimateOptions {
  /** Size of a list field without `@listSize` (or whose slicing argument has no value). */
  readonly defaultListSize: number;
}

/** Apollo Router's default cost of a mutation: writes cost more than reads. */
const MUTATION_FIELD_COST = 10;
/** Selection sets nested deeper than this cost "too much": real operations nest tens deep, the stack ends near 4000. */
const MAX_NESTING = 1000;
const TOO_DEEP = Symbol('too deep');

/** The sizes a parent's `@listSize(sizedFields:)` gives to fields of its selection. */
interface Sizing {
  readonly fields: ReadonlySet<string>;
  readonly size: number;
}

type Variables = Readonly<Record<string, unknown>>;
const NO_ARGUMENTS: Variables = {};

/** What costing a field needs from the schema and its directives, worked out once per field definition. */
interface FieldFacts {
  readonly coordinate: string;
  /** Its @cost, its type's @cost, else 1 for objects, interfaces and unions and 0 for scalars and enums. */
  readonly weight: number;
  /** 10 for a root mutation field, else 0. */
  readonly baseCost: number;
  readonly isList: boolean;
  /** The type its selection is costed against; undefined for scalars and enums. */
  readonly composite: GraphQLCompositeType | undefined;
  readonly listSize: ListSize | undefined;
  readonly sizedFields: ReadonlySet<string> | undefined;
}

/** Keyed by the field definitions of a model's own schema, so facts never outlive their supergraph. */
const fieldFacts = new WeakMap<GraphQLField<unknown, unknown>, FieldFacts>();

function factsOf(model: CostModel, parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): FieldFacts {
  let facts = fieldFacts.get(field);
  if (!facts) {
    const coordinate = `${parent.name}.${field.name}`;
    const type = getNamedType(field.type);
    const composite = isCompositeType(type) ? type : undefined;
    const listSize = model.listSizeOf(coordinate);
    facts = {
      coordinate,
      weight: model.weightOf(coordinate) ?? model.weightOf(type.name) ?? (composite ? 1 : 0),
      baseCost: parent === model.schema.getMutationType() ? MUTATION_FIELD_COST : 0,
      isList: isListType(getNullableType(field.type)),
      composite,
      listSize,
      sizedFields: listSize?.sizedFields.length ? new Set(listSize.sizedFields) : undefined,
    };
    fieldFacts.set(field, facts);
  }
  return facts;
}

/** The operation's estimated cost (0 when the document holds no such operation), at most MAX_SAFE_INTEGER. */
export function estimateCost(model: CostModel, request: CostRequest, options: EstimateOptions): number {
  const operation = getOperationAST(request.document, request.operationName ?? undefined);
  const root = operation && model.schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const coerced = getVariableValues(model.schema, operation.variableDefinitions ?? [], request.variables ?? {}, {
    maxErrors: 1,
  });
  // Invalid variables fail the request at execution; cost what was sent meanwhile.
  const variables: Variables = coerced.coerced ?? request.variables ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of request.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const walk = new CostWalk(model, fragments, variables, options.defaultListSize);
  try {
    return Math.min(walk.selectionSet(operation.selectionSet, root, undefined, 0), Number.MAX_SAFE_INTEGER);
  } catch (error) {
    if (error === TOO_DEEP) return Number.MAX_SAFE_INTEGER;
    throw error;
  }
}

class CostWalk {
  readonly #fragmentCosts = new Map<string, number>();
  /** Fragments being walked: a cycle (which validation refuses) costs 0 instead of recursing forever. */
  readonly #entered = new Set<string>();

  constructor(
    private readonly model: CostModel,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Variables,
    private readonly defaultListSize: number,
  ) {}

  selectionSet(set: SelectionSetNode, parent: GraphQLCompositeType, sizing: Sizing | undefined, depth: number): number {
    if (depth > MAX_NESTING) throw TOO_DEEP;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.directives?.length && this.#skipped(selection)) continue;
      if (selection.kind === Kind.FIELD) cost += this.#field(selection, parent, sizing, depth);
      else if (selection.kind === Kind.INLINE_FRAGMENT) cost += this.#inlineFragment(selection, parent, sizing, depth);
      else cost += this.#fragmentSpread(selection, sizing, depth);
    }
    return cost;
  }

  #field(node: FieldNode, parent: GraphQLCompositeType, sizing: Sizing | undefined, depth: number): number {
    const name = node.name.value;
    if (name.startsWith('__') || !('getFields' in parent)) return 0;
    const definition = parent.getFields()[name];
    if (!definition) return 0;
    const facts = factsOf(this.model, parent, definition);
    const args = facts.listSize || node.arguments?.length ? this.#argumentValues(definition, node) : NO_ARGUMENTS;
    const expected = facts.listSize && expectedSize(facts.listSize, args);
    const count = facts.isList ? ((sizing?.fields.has(name) ? sizing.size : expected) ?? this.defaultListSize) : 1;
    const childSizing =
      facts.sizedFields && expected !== undefined ? { fields: facts.sizedFields, size: expected } : undefined;
    const selection =
      node.selectionSet && facts.composite
        ? this.selectionSet(node.selectionSet, facts.composite, childSizing, depth + 1)
        : 0;
    return facts.baseCost + count * (facts.weight + selection) + this.#argumentsCost(definition, node, facts, args);
  }

  #inlineFragment(node: InlineFragmentNode, parent: GraphQLCompositeType, sizing: Sizing | undefined, depth: number) {
    const type = node.typeCondition ? this.#compositeType(node.typeCondition) : parent;
    return type ? this.selectionSet(node.selectionSet, type, sizing, depth + 1) : 0;
  }

  #fragmentSpread(node: FragmentSpreadNode, sizing: Sizing | undefined, depth: number): number {
    const name = node.name.value;
    const key = sizing ? `${name} ${sizing.size} ${[...sizing.fields].join(',')}` : name;
    const known = this.#fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    const type = fragment && this.#compositeType(fragment.typeCondition);
    if (!fragment || !type || this.#entered.has(name)) return 0;
    this.#entered.add(name);
    const cost = this.selectionSet(fragment.selectionSet, type, sizing, depth + 1);
    this.#entered.delete(name);
    this.#fragmentCosts.set(key, cost);
    return cost;
  }

  #argumentsCost(definition: GraphQLField<unknown, unknown>, node: FieldNode, facts: FieldFacts, args: Variables) {
    let cost = 0;
    for (const argument of node.arguments ?? []) {
      const name = argument.name.value;
      const type = definition.args.find((arg) => arg.name === name)?.type;
      if (type) cost += this.#inputCost(args[name], type, this.model.weightOf(`${facts.coordinate}(${name}:)`));
    }
    return cost;
  }

  /** Input objects cost 1 (or their `@cost`) plus their fields, lists their items, scalars and enums their `@cost`. */
  #inputCost(value: unknown, type: GraphQLInputType, weight: number | undefined): number {
    if (value === null || value === undefined) return 0;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const items: unknown[] = Array.isArray(value) ? value : [value];
      return items.reduce<number>((sum, item) => sum + this.#inputCost(item, nullable.ofType, weight), weight ?? 0);
    }
    if (isInputObjectType(nullable)) {
      let cost = weight ?? this.model.weightOf(nullable.name) ?? 1;
      for (const [name, field] of Object.entries(nullable.getFields())) {
        const fieldValue = (value as Record<string, unknown>)[name];
        cost += this.#inputCost(fieldValue, field.type, this.model.weightOf(`${nullable.name}.${name}`));
      }
      return cost;
    }
    return weight ?? this.model.weightOf(getNamedType(nullable).name) ?? 0;
  }

  /** The field's arguments with variables and defaults applied; none when they do not coerce (execution refuses). */
  #argumentValues(definition: GraphQLField<unknown, unknown>, node: FieldNode): Variables {
    try {
      return getArgumentValues(definition, node, this.variables);
    } catch {
      return {};
    }
  }

  #skipped(node: FieldNode | InlineFragmentNode | FragmentSpreadNode): boolean {
    try {
      return (
        getDirectiveValues(GraphQLSkipDirective, node, this.variables)?.if === true ||
        getDirectiveValues(GraphQLIncludeDirective, node, this.variables)?.if === false
      );
    } catch {
      return false;
    }
  }

  #compositeType(node: NamedTypeNode): GraphQLCompositeType | undefined {
    const type = this.model.schema.getType(node.name.value);
    return type && isCompositeType(type) ? type : undefined;
  }
}

/** The size a field's `@listSize` gives it: the largest slicing argument value, else its assumed size. */
function expectedSize(listSize: ListSize, args: Variables): number | undefined {
  const sizes: number[] = [];
  for (const path of listSize.slicingArguments) {
    const size = sizeOf(path.split('.').reduce<unknown>((value, key) => (value as Variables | null)?.[key], args));
    if (size !== undefined) sizes.push(size);
  }
  // More than one slicing argument where the schema requires one: Apollo Router refuses the operation; an upper
  // bound (the largest) keeps the estimate safe without adding an error of our own.
  return sizes.length > 0 ? Math.max(...sizes) : listSize.assumedSize;
}

function sizeOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.trunc(value));
  return undefined;
}
