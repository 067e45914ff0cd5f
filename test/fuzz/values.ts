/**
 * The values the fuzz suite sends. Every argument but the target gets a plausible value (ids of the suite's own
 * fixtures, real enum values, recent dates), so requests get past the obvious checks to the code behind them; the
 * target gets something wrong: the wrong type, null, empty, huge, NUL, unpaired surrogates, emoji, negative and huge
 * numbers, unknown ids, malformed dates and time zones, unknown enum values, deep nesting — or an arbitrary string
 * of any UTF-16 code units.
 */
import fc from 'fast-check';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';

/** Ids the fixtures created (user plants, species, waterings, notifications, ...), any of which may fit an ID. */
export interface IdPool {
  ids: string[];
}

const nested = (depth: number, wrap: (inner: unknown) => unknown, leaf: unknown): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
};

const DAY = 86_400_000;

/** Hand-picked bad values: one of each kind the issue lists. */
const BAD_VALUES: unknown[] = [
  null,
  '',
  ' ',
  'a'.repeat(20_000),
  'nul\u0000byte',
  '\u0000',
  'lone \ud800 high surrogate',
  '\udc00 lone low surrogate',
  '🌵🌱🪴'.repeat(40),
  'e\u0301\u200b\ufeff',
  '\'; DROP TABLE "User"; --',
  0,
  -1,
  -2_147_483_649,
  2_147_483_648,
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1e-308,
  3.5,
  true,
  [],
  [null],
  {},
  { unexpected: 'field' },
  'not-an-id',
  '00000000-0000-0000-0000-000000000000',
  'c'.repeat(300),
  'yesterday',
  '2026-02-30T00:00:00Z',
  '2026-13-01',
  '2026-01-01T25:61:00Z',
  '2026-01-01T00:00:00+99:00',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '99999-01-01T00:00:00Z',
  '1970-01-01',
  '2999-12-31T23:59:59Z',
  'Mars/Olympus_Mons',
  'UTC+99',
  'Europe/Berlin\u0000',
  'not a time zone',
  'NOT_A_VALUE',
  'healthy',
  nested(60, (inner) => [inner], 1),
  nested(60, (inner) => ({ a: inner }), 1),
];

/** Something wrong for any argument or input field. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...BAD_VALUES) },
  { weight: 1, arbitrary: fc.string16bits({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) },
);

/** A plausible value for a leaf, from the schema type and the field's name. */
function plausibleLeaf(typeName: string, fieldName: string, pool: IdPool, now: number): fc.Arbitrary<unknown> {
  const name = fieldName.toLowerCase();
  switch (typeName) {
    case 'ID':
      return fc.constantFrom(...pool.ids);
    case 'Int':
      return fc.integer({ min: 1, max: 20 });
    case 'Float':
      return fc.constantFrom(12.5, 21, 40);
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.constantFrom(new Date(now - DAY).toISOString(), new Date(now + DAY).toISOString());
    default:
      if (name.includes('email')) return fc.constant(`fuzz-${Math.random().toString(36).slice(2)}@bloomzy.test`);
      if (name.includes('timezone') || name.includes('time_zone')) return fc.constantFrom('Europe/Berlin', 'UTC');
      if (name.includes('url')) return fc.constant('https://example.com/hook');
      return fc.constantFrom('Monstera', 'kitchen window', 'looks happy');
  }
}

/** A plausible value of `type` (input objects: required fields always, optional ones sometimes). */
export function plausible(type: GraphQLInputType, fieldName: string, pool: IdPool, now: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return plausible(type.ofType, fieldName, pool, now);
  if (isListType(type)) return fc.array(plausible(type.ofType, fieldName, pool, now), { minLength: 1, maxLength: 2 });
  const named = getNamedType(type);
  if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((value) => value.name));
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    return fc
      .tuple(
        ...fields.map((field) =>
          fc.option(plausible(field.type, field.name, pool, now), {
            freq: isNonNullType(field.type) ? Number.MAX_SAFE_INTEGER : 2,
            nil: undefined,
          }),
        ),
      )
      .map((values) =>
        Object.fromEntries(
          fields.flatMap((field, i) =>
            values[i] === undefined && !isNonNullType(field.type) ? [] : [[field.name, values[i]]],
          ),
        ),
      );
  }
  return plausibleLeaf(named.name, fieldName, pool, now);
}

/** `value` with `replacement` at `path` below it (creating objects on the way; lists get it in their first item). */
export function replaceAt(value: unknown, path: string[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return [replaceAt(value[0], path, replacement), ...value.slice(1)];
  const object = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return { ...object, [head]: replaceAt(object[head], rest, replacement) };
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/**
 * A value as a GraphQL literal where the schema expects `type` (enum values bare when they look like names, strings
 * otherwise quoted; JSON's string escapes are GraphQL's). Unknown object keys stay as they are: validation refuses them.
 */
export function literal(value: unknown, type: GraphQLInputType | undefined): string {
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const item = inner && isListType(inner) ? (inner.ofType as GraphQLInputType) : undefined;
    return `[${value.map((v) => literal(v, item)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const named = inner ? getNamedType(inner) : undefined;
    const fields = named && isInputObjectType(named) ? named.getFields() : {};
    const entries = Object.entries(value).map(([key, v]) => `${key}: ${literal(v, fields[key]?.type)}`);
    return `{${entries.join(', ')}}`;
  }
  if (typeof value === 'string') {
    const isEnum = inner && isEnumType(getNamedType(inner));
    return isEnum && NAME.test(value) && !['true', 'false', 'null'].includes(value) ? value : JSON.stringify(value);
  }
  return String(value);
}
