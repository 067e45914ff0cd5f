/**
 * What demand control knows about the supergraph: its API schema (what operations are validated and costed against)
 * and the `@cost` / `@listSize` directives the subgraphs declared, which composition keeps in the supergraph under the
 * `https://specs.apollo.dev/cost` link. Read once per supergraph.
 */
import { COST_VERSIONS, costIdentity, type Schema, type Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';

/** `@listSize` of one field, with the spec's defaults applied. */
export interface ListSize {
  /** Size of the list when no slicing argument gives one. */
  readonly assumedSize: number | undefined;
  /** Arguments whose value bounds the size (an Int, or a list whose length counts); dotted paths reach input fields. */
  readonly slicingArguments: readonly string[];
  /** Fields of the returned object that the size applies to (a connection's `edges`) instead of the field itself. */
  readonly sizedFields: readonly string[];
  readonly requireOneSlicingArgument: boolean;
}

export interface CostModel {
  /** The API schema (no join__/link machinery): the one clients are validated against. */
  readonly schema: GraphQLSchema;
  /**
   * The `@cost` weight declared on a schema coordinate: `Type`, `Type.field`, `Type.field(arg:)` or `Input.field`;
   * undefined when none is declared.
   */
  weightOf(coordinate: string): number | undefined;
  /** The `@listSize` of a field (`Type.field`), undefined when none is declared. */
  listSizeOf(coordinate: string): ListSize | undefined;
}

/** What reading a directive needs of a schema element (type, field, argument or input field). */
interface DirectiveTarget {
  appliedDirectivesOf(name: string): readonly { arguments(): Readonly<Record<string, unknown>> }[];
}

interface Directives {
  weights: Map<string, number>;
  listSizes: Map<string, ListSize>;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** Reads the cost directives off every type, field, argument and input field of the supergraph. */
function costDirectivesOf(schema: Schema): Directives {
  const directives: Directives = { weights: new Map(), listSizes: new Map() };
  const feature = schema.coreFeatures?.getByIdentity(costIdentity);
  const spec = feature ? COST_VERSIONS.find(feature.url.version) : undefined;
  // A supergraph whose subgraphs declare no cost: every field keeps the default weights.
  if (!spec) return directives;
  const cost = spec.costDirective(schema);
  const listSize = spec.listSizeDirective(schema);

  const readWeight = (coordinate: string, element: DirectiveTarget) => {
    const [applied] = cost ? element.appliedDirectivesOf(cost.name) : [];
    const weight = applied?.arguments().weight;
    if (typeof weight === 'number') directives.weights.set(coordinate, weight);
  };
  const readListSize = (coordinate: string, element: DirectiveTarget) => {
    const [applied] = listSize ? element.appliedDirectivesOf(listSize.name) : [];
    if (!applied) return;
    const { assumedSize, slicingArguments, sizedFields, requireOneSlicingArgument } = applied.arguments();
    directives.listSizes.set(coordinate, {
      assumedSize: typeof assumedSize === 'number' ? assumedSize : undefined,
      slicingArguments: strings(slicingArguments),
      sizedFields: strings(sizedFields),
      requireOneSlicingArgument: requireOneSlicingArgument !== false,
    });
  };

  for (const type of schema.types()) {
    readWeight(type.name, type);
    if (type.kind === 'ObjectType' || type.kind === 'InterfaceType') {
      for (const field of type.fields()) {
        readWeight(field.coordinate, field);
        readListSize(field.coordinate, field);
        for (const argument of field.arguments()) readWeight(argument.coordinate, argument);
      }
    } else if (type.kind === 'InputObjectType') {
      for (const field of type.fields()) readWeight(field.coordinate, field);
    }
  }
  return directives;
}

/** The cost directives of a supergraph the router has already built (building one takes a noticeable fraction of a second). */
export function costModelOf(supergraph: Supergraph): CostModel {
  const { weights, listSizes } = costDirectivesOf(supergraph.schema);
  return {
    schema: supergraph.apiSchema().toGraphQLJSSchema(),
    weightOf: (coordinate) => weights.get(coordinate),
    listSizeOf: (coordinate) => listSizes.get(coordinate),
  };
}
