/**
 * The shaping algorithm of result-shaping.ts: @apollo/gateway's computeResponse (dist/resultShaping.js), step for
 * step, over selection sets prepared once per operation execution (see the top of result-shaping.ts for why). A
 * Shaper holds one execution's variables and prepared steps; its errors are those of the answer being shaped.
 */
import {
  ERRORS,
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  isValidLeafValue,
  typenameFieldName,
  Variable,
  type CompositeType,
  type FieldSelection,
  type NamedType,
  type Operation,
  type Schema,
  type Selection,
  type SelectionSet,
  type Type,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

export interface ComputeResponseOptions {
  operation: Operation;
  variables?: Record<string, unknown> | undefined;
  input: Record<string, unknown> | null | undefined;
  introspectionHandling: (selection: FieldSelection) => unknown;
}

export interface ComputedResponse {
  data: Record<string, unknown> | null | undefined;
  errors: GraphQLError[];
}

/** How a field's value is completed, from its type: the wrappers outside in, then the named type. */
interface ValueShape {
  kind: 'nonNull' | 'list' | 'composite' | 'leaf';
  /** nonNull and list: the wrapped type's shape. */
  of?: ValueShape;
  type: Type;
  /** leaf: a string is valid without further checks (String, ID, custom scalars). */
  anyString?: boolean;
}

interface FieldStep {
  kind: 'field';
  responseName: string;
  /** The name exists on Object.prototype: read and written as an own property only. */
  inherited: boolean;
  introspection: boolean;
  typename: boolean;
  shape: ValueShape;
  selection: FieldSelection;
  selectionSet: SelectionSet | undefined;
}

interface FragmentStep {
  kind: 'fragment';
  typeCondition: CompositeType | undefined;
  selectionSet: SelectionSet;
}

type Step = FieldStep | FragmentStep;

const OK = 0;
export const NULL_BUBBLE_UP = 1;

/** A null whose errors were reported (the original's `{ updated: null, hasErrors: true }`). */
const NULLED = Symbol('nulled');
/** A null in a non-null position, which its parent propagates (`{ updated: null, isInvalid: true }`). */
const INVALID = Symbol('invalid');

const hasOwn = (object: object, name: string) => Object.prototype.hasOwnProperty.call(object, name);

/** A value out of a subgraph's data (getOwn: never a prototype's). */
const readOwn = (object: Record<string, unknown>, name: string, inherited: boolean): unknown =>
  inherited ? (hasOwn(object, name) ? object[name] : undefined) : object[name];

function writeOwn(object: Record<string, unknown>, name: string, value: unknown, inherited: boolean) {
  if (inherited && name === '__proto__') {
    Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[name] = value;
  }
}

const shapes = new WeakMap<Type, ValueShape>();

function shapeOf(schema: Schema, type: Type): ValueShape {
  let shape = shapes.get(type);
  if (shape) return shape;
  if (isNonNullType(type)) shape = { kind: 'nonNull', of: shapeOf(schema, type.ofType), type };
  else if (isListType(type)) shape = { kind: 'list', of: shapeOf(schema, type.ofType), type };
  else if (isCompositeType(type)) shape = { kind: 'composite', type };
  else {
    const anyString =
      isCustomScalarType(type) ||
      (!isEnumType(type) && type !== schema.booleanType() && type !== schema.intType() && type !== schema.floatType());
    shape = { kind: 'leaf', type, anyString };
  }
  shapes.set(type, shape);
  return shape;
}

/** isSubtype(condition, type), remembered per schema type (types belong to one schema and do not change). */
const subtypes = new WeakMap<CompositeType, Map<Type, boolean>>();
function conditionHolds(condition: CompositeType, type: Type): boolean {
  let known = subtypes.get(condition);
  if (!known) subtypes.set(condition, (known = new Map()));
  let holds = known.get(type);
  if (holds === undefined) known.set(type, (holds = isSubtype(condition, type)));
  return holds;
}

export class Shaper {
  /** The current run's errors (a run is synchronous, so one list per shaper suffices). */
  errors: GraphQLError[] = [];
  readonly #steps = new Map<SelectionSet, Step[]>();
  readonly #variables: Record<string, unknown>;

  constructor(
    readonly schema: Schema,
    variables: Record<string, unknown>,
    public introspectionHandling: (selection: FieldSelection) => unknown,
  ) {
    this.#variables = variables;
  }

  /** `selectionSet` prepared for this execution: skipped selections left out, each field's shape resolved. */
  steps(selectionSet: SelectionSet): Step[] {
    let steps = this.#steps.get(selectionSet);
    if (steps) return steps;
    steps = [];
    for (const selection of selectionSet.selections()) {
      if (this.#skipped(selection.element)) continue;
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        const responseName = field.responseName();
        steps.push({
          kind: 'field',
          responseName,
          inherited: responseName in Object.prototype,
          introspection: field.definition.isSchemaIntrospectionField(),
          typename: field.name === typenameFieldName,
          shape: shapeOf(this.schema, field.definition.type!),
          selection,
          selectionSet: selection.selectionSet,
        });
      } else {
        steps.push({
          kind: 'fragment',
          typeCondition: selection.element.typeCondition,
          selectionSet: selection.selectionSet,
        });
      }
    }
    this.#steps.set(selectionSet, steps);
    return steps;
  }

  #skipped(element: Selection['element']) {
    const skip = element.appliedDirectivesOf(this.schema.skipDirective())[0];
    const include = element.appliedDirectivesOf(this.schema.includeDirective())[0];
    return (!!skip && this.#ifValue(skip)) || (!!include && !this.#ifValue(include));
  }

  #ifValue(directive: { arguments(): { if?: unknown }; toString(): string }): boolean {
    const arg = directive.arguments().if;
    if (arg instanceof Variable) {
      const value = this.#variables[arg.name];
      if (value === undefined || typeof value !== 'boolean') {
        throw new Error(`Unexpected value ${String(value)} for variable ${String(arg)} of ${String(directive)}`);
      }
      return value;
    }
    return arg as boolean;
  }

  /** Fills `output` with `selectionSet` applied to `input`; NULL_BUBBLE_UP when a non-null field came out null. */
  applySelectionSet(
    input: Record<string, unknown>,
    selectionSet: SelectionSet,
    output: Record<string, unknown>,
    path: (string | number)[],
    parentType: NamedType,
  ): number {
    for (const step of this.steps(selectionSet)) {
      if (step.kind === 'field') {
        const { responseName, inherited } = step;
        const outputValue = readOwn(output, responseName, inherited);
        if (step.introspection) {
          if (outputValue === undefined)
            writeOwn(output, responseName, this.introspectionHandling(step.selection), inherited);
          continue;
        }
        let inputValue = readOwn(input, responseName, inherited) ?? null;
        if (step.typename) {
          if (outputValue === undefined) {
            if (inputValue === null && responseName !== typenameFieldName)
              inputValue = input[typenameFieldName] ?? null;
            const type = typeof inputValue === 'string' ? (this.schema.type(inputValue) ?? parentType) : parentType;
            if (!isObjectType(type)) return NULL_BUBBLE_UP;
            writeOwn(output, responseName, type.name, inherited);
          }
          continue;
        }
        path.push(responseName);
        const updated = this.value(outputValue, step.shape, inputValue, step.selectionSet, path, parentType);
        path.pop();
        if (updated === INVALID) {
          writeOwn(output, responseName, null, inherited);
          return NULL_BUBBLE_UP;
        }
        writeOwn(output, responseName, updated === NULLED ? null : updated, inherited);
      } else {
        const typename = input[typenameFieldName];
        if (typename && typeof typename !== 'string')
          throw new Error(`Got unexpected value for __typename: ${String(typename)}`);
        const condition = step.typeCondition;
        let applies = true;
        if (condition) {
          if (typename) {
            const type = this.schema.type(typename as string);
            applies = !!type && conditionHolds(condition, type);
          } else {
            applies = conditionHolds(condition, parentType);
          }
        }
        if (applies) {
          const res = this.applySelectionSet(input, step.selectionSet, output, path, condition ?? parentType);
          if (res === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
        }
      }
    }
    return OK;
  }

  /**
   * The completed value; NULLED stands for null with errors already reported (the original's `hasErrors`), INVALID
   * for a null in a non-null position, which the parent must propagate (`isInvalid`).
   */
  value(
    outputValue: unknown,
    shape: ValueShape,
    inputValue: unknown,
    selectionSet: SelectionSet | undefined,
    path: (string | number)[],
    parentType: NamedType,
  ): unknown {
    if (outputValue === null || (outputValue !== undefined && !selectionSet)) return outputValue;
    switch (shape.kind) {
      case 'nonNull': {
        const updated = this.value(outputValue, shape.of!, inputValue, selectionSet, path, parentType);
        if (updated === null) {
          this.errors.push(
            ERRORS.INVALID_GRAPHQL.err(
              `Cannot return null for non-nullable ${lastElementDescription(path, shape.of!.type, parentType)}.`,
              { path: Array.from(path) },
            ),
          );
          return INVALID;
        }
        if (updated === NULLED || updated === INVALID) return INVALID;
        return updated;
      }
      case 'list': {
        if (inputValue === null) return null;
        if (!Array.isArray(inputValue)) {
          throw new Error(
            `Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${String(shape.type)}`,
          );
        }
        if (outputValue !== undefined && !Array.isArray(outputValue)) {
          throw new Error(
            `Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${String(shape.type)}`,
          );
        }
        const existing = outputValue as unknown[] | undefined;
        if (existing && existing.length !== inputValue.length) {
          throw new Error(
            `[${String(inputValue)}].length (${inputValue.length}) !== [${String(existing)}].length (${existing.length})`,
          );
        }
        // An element's errors only matter to a non-null wrapper when the list itself comes out null, so a list
        // that is not nulled is returned as a plain value.
        const out = new Array<unknown>(inputValue.length);
        let nullify = false;
        for (let i = 0; i < inputValue.length; i++) {
          path.push(i);
          const element = this.value(existing?.[i], shape.of!, inputValue[i], selectionSet, path, parentType);
          path.pop();
          if (element === INVALID) nullify = true;
          out[i] = element === INVALID || element === NULLED ? null : element;
        }
        return nullify ? NULLED : out;
      }
      case 'composite': {
        if (inputValue === null) return null;
        if (!selectionSet) throw new Error(`Invalid empty selection set for composite type ${String(shape.type)}`);
        if (typeof inputValue !== 'object') {
          throw new Error(
            `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(shape.type)}`,
          );
        }
        if (outputValue !== undefined && typeof outputValue !== 'object') {
          throw new Error(
            `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${String(shape.type)}`,
          );
        }
        const object = inputValue as Record<string, unknown>;
        const inputTypename = object[typenameFieldName];
        if (inputTypename !== undefined && typeof inputTypename !== 'string') {
          throw new Error(`Invalid non-string value ${String(inputTypename)} for __typename at ${String(path)}`);
        }
        let objectType = shape.type as NamedType;
        if (inputTypename) {
          const named = this.schema.type(inputTypename);
          if (!named || !isCompositeType(named)) {
            this.errors.push(
              ERRORS.INVALID_GRAPHQL.err(
                `Invalid __typename found for object at ${lastElementDescription(path, shape.type, parentType)}.`,
                { path: Array.from(path) },
              ),
            );
            return NULLED;
          }
          objectType = named;
        }
        const output = (outputValue as Record<string, unknown> | undefined) ?? {};
        const res = this.applySelectionSet(object, selectionSet, output, path, objectType);
        return res === NULL_BUBBLE_UP ? NULLED : output;
      }
      default: {
        if (inputValue === null) return null;
        if (outputValue !== undefined) {
          throw new Error(
            `Excepted output to be undefined but got ${String(shape.type)} for type ${String(shape.type)}`,
          );
        }
        const valid =
          (typeof inputValue === 'string' && shape.anyString) ||
          isValidLeafValue(this.schema, inputValue, shape.type as Parameters<typeof isValidLeafValue>[2]);
        if (valid) return inputValue;
        this.errors.push(
          ERRORS.INVALID_GRAPHQL.err(
            `Invalid value found for ${lastElementDescription(path, shape.type, parentType)}.`,
            { path: Array.from(path) },
          ),
        );
        return NULLED;
      }
    }
  }
}

function lastElementDescription(path: (string | number)[], currentType: Type, parentType: NamedType): string {
  const element = path[path.length - 1];
  if (element === undefined) throw new Error('Should not have been called on an empty path');
  return typeof element === 'string'
    ? `field ${String(parentType)}.${element}`
    : `array element of type ${String(currentType)} at index ${element}`;
}
