/**
 * The toolkit every config module builds its environment schema with: zod schemas for the kinds of variable (text,
 * integer, port, boolean, URL, list…) carrying their documentation, parsing into a ConfigError that names the
 * variable, and the variable list the docs test reads. What the variables are is config.ts's (shared ones) and each
 * service's config module's.
 */
import { z } from 'zod';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

/** What the docs say about a variable. */
export interface VariableDoc {
  description: string;
  /** As the README shows it; the schema's own default when the variable has one. */
  default?: string;
  /** The family a variable belongs to (SUBGRAPH_<NAME>_URL), documented once under that name. */
  pattern?: string;
}

/** One documented variable, or one pattern standing for the concrete names in `instances`. */
export interface EnvVariable extends VariableDoc {
  name: string;
  instances?: readonly string[];
}

const docs = z.registry<VariableDoc>();
export function documented<T extends z.ZodType>(schema: T, doc: VariableDoc, fallback?: unknown): T {
  docs.add(schema as z.ZodType, fallback === undefined ? doc : { default: String(fallback), ...doc });
  return schema;
}
export const quoted = (input: unknown) => `"${String(input)}"`;

export const requiredText = () =>
  z.string({ error: (iss) => (iss.input === undefined ? 'is required but not set' : 'must be text') });

/** A string; `fallback` when unset, 'is required but not set' when unset without fallback. */
export function str(doc: VariableDoc): ReturnType<typeof requiredText>;
export function str(doc: VariableDoc, fallback: string): z.ZodDefault<ReturnType<typeof requiredText>>;
export function str(doc: VariableDoc, fallback?: string) {
  return documented(fallback === undefined ? requiredText() : requiredText().default(fallback), doc, fallback);
}

/** An optional string: undefined when unset. */
export function optional(doc: VariableDoc, maxLength = Number.MAX_SAFE_INTEGER) {
  const schema = z.string().max(maxLength, { error: `must be at most ${maxLength} characters` });
  return documented(schema.optional(), doc);
}

/** An integer within [min, max]. */
export function int(doc: VariableDoc, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) {
  const range = { error: (iss: { input?: unknown }) => `must be between ${min} and ${max}, got ${String(iss.input)}` };
  const schema = z
    .string()
    .regex(/^-?\d+$/, { error: (iss) => `must be an integer, got ${quoted(iss.input)}` })
    .transform(Number)
    .pipe(z.number().min(min, range).max(max, range));
  return documented(schema.default(fallback), doc, fallback);
}

/** A TCP port (0 lets the OS choose, which tests use). */
export function port(doc: VariableDoc, fallback: number) {
  return int(doc, fallback, 0, 65_535);
}

const stringBool = () =>
  z.stringbool({
    truthy: ['1', 'true', 'yes', 'on'],
    falsy: ['0', 'false', 'no', 'off'],
    error: (iss) => `must be true or false, got ${quoted(iss.input)}`,
  });

/** A TCP port, undefined when unset (0 lets the OS choose, which tests use). */
export function optionalPort(doc: VariableDoc) {
  const range = { error: (iss: { input?: unknown }) => `must be between 0 and 65535, got ${String(iss.input)}` };
  const schema = z
    .string()
    .regex(/^\d+$/, { error: (iss) => `must be an integer, got ${quoted(iss.input)}` })
    .transform(Number)
    .pipe(z.number().max(65_535, range));
  return documented(schema.optional(), doc);
}

/** true/false, 1/0, yes/no, on/off (any case); undefined when unset without fallback. */
export function bool(doc: VariableDoc): z.ZodOptional<ReturnType<typeof stringBool>>;
export function bool(doc: VariableDoc, fallback: boolean): z.ZodDefault<ReturnType<typeof stringBool>>;
export function bool(doc: VariableDoc, fallback?: boolean) {
  return documented(fallback === undefined ? stringBool().optional() : stringBool().default(fallback), doc, fallback);
}

/** One of a closed set of values. */
export function oneOf<const T extends readonly [string, ...string[]]>(
  doc: VariableDoc,
  values: T,
  fallback: T[number],
) {
  const schema = z.enum(values, { error: (iss) => `must be one of ${values.join(', ')}, got ${quoted(iss.input)}` });
  return documented(schema.default(fallback as z.output<typeof schema>), doc, fallback);
}

export const urlOf = (protocols: readonly string[]) =>
  z.url({
    protocol: new RegExp(`^(${protocols.join('|')})$`),
    error: (iss) => {
      const input = String(iss.input);
      return URL.canParse(input)
        ? `must use ${protocols.join(' or ')}, got ${quoted(new URL(input).protocol)}`
        : `must be a URL, got ${quoted(input)}`;
    },
  });

/** A URL with one of the given protocols; undefined when unset and no fallback. */
export function url(doc: VariableDoc, protocols: readonly string[]): z.ZodOptional<ReturnType<typeof urlOf>>;
export function url(
  doc: VariableDoc,
  protocols: readonly string[],
  fallback: string,
): z.ZodDefault<ReturnType<typeof urlOf>>;
export function url(doc: VariableDoc, protocols: readonly string[], fallback?: string) {
  const schema = urlOf(protocols);
  return documented(fallback === undefined ? schema.optional() : schema.default(fallback), doc, fallback);
}

/** A comma-separated list (empty when unset). */
export function list(doc: VariableDoc) {
  const items = (value: string) => value.split(',').flatMap((item) => (item.trim() ? [item.trim()] : []));
  return documented(
    z
      .string()
      .transform(items)
      .default(() => []),
    doc,
  );
}

/**
 * Parses the environment with a service's schema. Blank values count as unset (an `X=` line in an env file); the
 * first issue becomes the ConfigError, named after the variable it concerns.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.output<S> {
  const set = Object.entries(env).map(([name, value]) => [name, value?.trim()] as const);
  const result = schema.safeParse(Object.fromEntries(set.filter(([, value]) => value)));
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new ConfigError(String(issue?.path[0] ?? 'environment'), issue?.message ?? 'is invalid');
}

/** Records a failed cross-variable check inside a schema's transform; the parse then fails naming `variable`. */
export function reject(ctx: z.RefinementCtx, variable: string, message: string): void {
  ctx.addIssue({ code: 'custom', path: [variable], message });
}

/** The variables a schema reads, as the docs show them; a pattern's variables are listed once, under the pattern. */
export function variablesOf(schema: z.ZodObject): EnvVariable[] {
  const out: EnvVariable[] = [];
  const patterns = new Map<string, string[]>();
  for (const [name, field] of Object.entries(schema.shape)) {
    const doc = docs.get(field as z.ZodType);
    if (!doc) throw new Error(`configuration variable ${name} has no description`);
    if (doc.pattern === undefined) {
      out.push({ name, ...doc });
      continue;
    }
    let instances = patterns.get(doc.pattern);
    if (!instances) {
      patterns.set(doc.pattern, (instances = []));
      out.push({ ...doc, name: doc.pattern, instances });
    }
    instances.push(name);
  }
  return out;
}

/** Runs a config loader; on ConfigError prints the message and exits, so a service never starts half-configured. */
export function loadOrExit<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
