import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  commonConfig,
  commonEnvironment,
  serviceBase,
  subgraphEnvironment,
  loadTelemetryConfig,
  telemetryEnvironment,
} from './config.js';
import { bool, ConfigError, int, list, oneOf, parseEnv, port, str, url, variablesOf, type Env } from './env-schema.js';
import { subgraphs } from './manifest.js';

const doc = { description: 'test variable' };
const SUBGRAPH_SECRET = 's'.repeat(32);
/** Parses `env` with a one-variable schema and returns that variable's value. */
const read = (schema: z.ZodType, env: Env, name = Object.keys(env)[0] ?? 'A') =>
  (parseEnv(z.object({ [name]: schema }), env) as Record<string, unknown>)[name];

describe('config variables', () => {
  it('use the fallback when a variable is unset or blank', () => {
    expect(read(str(doc, 'x'), {}, 'A')).toBe('x');
    expect(read(str(doc, 'x'), { A: '  ' })).toBe('x');
    expect(read(int(doc, 5), {}, 'N')).toBe(5);
    expect(read(bool(doc, true), {}, 'B')).toBe(true);
    expect(read(list(doc), {}, 'L')).toEqual([]);
  });

  it('parse well-formed values', () => {
    expect(read(port(doc, 1), { P: '4001' })).toBe(4001);
    expect(read(bool(doc, true), { B: 'no' })).toBe(false);
    expect(read(bool(doc), { B: ' On ' })).toBe(true);
    expect(read(list(doc), { L: 'a@x.io, b@y.io,' })).toEqual(['a@x.io', 'b@y.io']);
    expect(read(url(doc, ['redis']), { U: 'redis://h:6379' })).toBe('redis://h:6379');
    expect(read(int(doc, 0, -5, 5), { N: '-3' })).toBe(-3);
  });

  it.each([
    [() => read(str(doc), {}, 'REQUIRED_THING'), 'REQUIRED_THING'],
    [() => read(port(doc, 4001), { AUTH_PORT: 'abc' }), 'AUTH_PORT'],
    [() => read(port(doc, 4001), { AUTH_PORT: '70000' }), 'AUTH_PORT'],
    [() => read(bool(doc, false), { LOG_JSON: 'maybe' }), 'LOG_JSON'],
    [() => read(oneOf(doc, ['development', 'production'], 'development'), { NODE_ENV: 'prod' }), 'NODE_ENV'],
    [() => read(url(doc, ['redis']), { REDIS_URL: 'localhost:6379' }), 'REDIS_URL'],
    [() => read(url(doc, ['postgres']), { AUTH_DATABASE_URL: 'mysql://x/y' }), 'AUTH_DATABASE_URL'],
  ])('refuse bad values with an error naming the variable (%#)', (load, variable) => {
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(variable);
  });

  it.each([
    [() => read(str(doc), {}, 'NEEDED'), 'NEEDED is required but not set'],
    [() => read(int(doc, 1), { N: '1.5' }), 'N must be an integer, got "1.5"'],
    [() => read(int(doc, 1, 1, 10), { N: '11' }), 'N must be between 1 and 10, got 11'],
    [() => read(bool(doc), { B: 'maybe' }), 'B must be true or false, got "maybe"'],
    [() => read(oneOf(doc, ['a', 'b'], 'a'), { O: 'c' }), 'O must be one of a, b, got "c"'],
    [() => read(url(doc, ['http', 'https']), { U: 'not a url' }), 'U must be a URL, got "not a url"'],
    [() => read(url(doc, ['postgres', 'postgresql']), { U: 'mysql://x' }), 'U must use postgres or postgresql'],
  ])('say what is wrong (%#)', (load, message) => {
    expect(load).toThrow(`Invalid configuration: ${message}`);
  });

  it('report the first bad variable of a schema', () => {
    const schema = z.object({ FIRST: port(doc, 1), SECOND: port(doc, 2) });
    expect(() => parseEnv(schema, { SECOND: 'x', FIRST: 'y' })).toThrow(/^Invalid configuration: FIRST /);
  });
});

describe('LOG_LEVEL', () => {
  const load = (env: Env) =>
    parseEnv(
      commonEnvironment.transform((e, ctx) => commonConfig(e, ctx)),
      env,
    );
  it('defaults to info and accepts the logger levels', () => {
    expect(load({}).logLevel).toBe('info');
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace']) {
      expect(load({ LOG_LEVEL: level }).logLevel).toBe(level);
    }
  });
  it('refuses any other level, naming the variable', () => {
    expect(() => load({ LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
    expect(() => load({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn/);
  });
});

describe('SUBGRAPH_SECRET', () => {
  const load = (env: Env) =>
    parseEnv(
      commonEnvironment.transform((e, ctx) => commonConfig(e, ctx)),
      env,
    );
  it('is optional outside production and required in production, inline or as a file', () => {
    expect(load({})).toMatchObject({ subgraphSecret: undefined, subgraphSecretFile: undefined });
    expect(() => load({ NODE_ENV: 'production' })).toThrow(
      'Invalid configuration: SUBGRAPH_SECRET (or SUBGRAPH_SECRET_FILE) is required when NODE_ENV=production',
    );
    expect(load({ NODE_ENV: 'production', SUBGRAPH_SECRET }).subgraphSecret).toBe(SUBGRAPH_SECRET);
    expect(load({ NODE_ENV: 'production', SUBGRAPH_SECRET_FILE: '/run/secrets/s' }).subgraphSecretFile).toBe(
      '/run/secrets/s',
    );
  });
  it('refuses a secret under 32 bytes without printing it, and both variables at once', () => {
    const short = () => load({ SUBGRAPH_SECRET: 'hunter2-hunter2' });
    expect(short).toThrow('SUBGRAPH_SECRET must be at least 32 bytes');
    expect(short).toThrow(expect.objectContaining({ message: expect.not.stringContaining('hunter2') }));
    expect(() => load({ SUBGRAPH_SECRET, SUBGRAPH_SECRET_FILE: '/run/secrets/s' })).toThrow(/SUBGRAPH_SECRET and/);
  });
});

describe('subgraph environment', () => {
  const [entry] = subgraphs();
  if (!entry) throw new Error('supergraph.yaml lists no subgraphs');
  const environment = subgraphEnvironment(entry.name);
  const load = (env: Env) =>
    parseEnv(
      environment.transform((e, ctx) => serviceBase(entry.name, e, ctx)),
      env,
    );

  it("listens on the manifest's port under the subgraph's prefix, with LOG_JSON on in production", () => {
    const dev = load({ DATA_DIR: '/tmp/bloomzy' });
    expect(dev).toMatchObject({ host: '0.0.0.0', port: entry.defaultPort, production: false, logJson: false });
    expect(dev.dataDir).toBe(`/tmp/bloomzy/${entry.name}`);
    const database = `${entry.envPrefix}_DATABASE_URL`;
    expect(() => load({ NODE_ENV: 'production' })).toThrow(`${database} is required when NODE_ENV=production`);
    expect(load({ NODE_ENV: 'production', [database]: 'postgres://db/x', SUBGRAPH_SECRET }).logJson).toBe(true);
    expect(load({ [`${entry.envPrefix}_PORT`]: '0' }).port).toBe(0);
  });

  it('takes the database password from a file only for a URL without one', () => {
    const database = `${entry.envPrefix}_DATABASE_URL`;
    const passwordFile = `${entry.envPrefix}_DATABASE_PASSWORD_FILE`;
    const config = load({ [database]: 'postgres://bloomzy@db/x', [passwordFile]: '/run/secrets/pg' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://bloomzy@db/x', databasePasswordFile: '/run/secrets/pg' });
    expect(load({ [database]: 'postgres://db/x' }).databasePasswordFile).toBeUndefined();
    expect(() => load({ [passwordFile]: '/run/secrets/pg' })).toThrow(`${passwordFile} is set but ${database} is not`);
    expect(() => load({ [database]: 'postgres://u:p@db/x', [passwordFile]: '/run/secrets/pg' })).toThrow(
      `${passwordFile} is set but ${database} carries a password too`,
    );
  });

  it('serves /metrics only where METRICS_PORT says, on 127.0.0.1 unless METRICS_HOST says otherwise', () => {
    expect(load({}).metrics).toEqual({ host: '127.0.0.1', port: undefined });
    expect(load({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ host: '0.0.0.0', port: 9464 });
    expect(() => load({ METRICS_PORT: 'nine' })).toThrow('METRICS_PORT must be an integer, got "nine"');
    expect(() => load({ METRICS_PORT: '70000' })).toThrow('METRICS_PORT must be between 0 and 65535');
  });

  it('lists its variables as data: name, description and default', () => {
    const variables = variablesOf(environment);
    expect(variables.map((v) => v.name).sort()).toEqual(
      [
        'DATA_DIR',
        'LOG_JSON',
        'LOG_LEVEL',
        'METRICS_HOST',
        'METRICS_PORT',
        'NODE_ENV',
        'REDIS_URL',
        'STARTUP_TIMEOUT_SECONDS',
        'SUBGRAPH_SECRET',
        'SUBGRAPH_SECRET_FILE',
        ...Object.keys(telemetryEnvironment),
        `${entry.envPrefix}_DATABASE_URL`,
        `${entry.envPrefix}_DATABASE_PASSWORD_FILE`,
        `${entry.envPrefix}_HOST`,
        `${entry.envPrefix}_PORT`,
      ].sort(),
    );
    expect(variables.find((v) => v.name === `${entry.envPrefix}_PORT`)).toEqual({
      name: `${entry.envPrefix}_PORT`,
      description: 'Listen port',
      default: String(entry.defaultPort),
    });
    expect(variables.find((v) => v.name === 'LOG_LEVEL')?.default).toBe('info');
    for (const variable of variables) expect(variable.description).not.toBe('');
  });

  it('lists a family of variables once, under its pattern', () => {
    const family = { description: 'family', pattern: 'X_<NAME>_URL' };
    const variables = variablesOf(z.object({ X_A_URL: url(family, ['http']), X_B_URL: url(family, ['http']) }));
    expect(variables).toEqual([{ ...family, name: 'X_<NAME>_URL', instances: ['X_A_URL', 'X_B_URL'] }]);
  });
});

describe('telemetry environment (OpenTelemetry standard variables)', () => {
  it('leaves tracing off by default, on the SDK defaults otherwise', () => {
    expect(loadTelemetryConfig({})).toEqual({
      endpoint: undefined,
      protocol: 'http/protobuf',
      serviceName: undefined,
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
      scheduleDelayMs: 5000,
    });
    expect(
      loadTelemetryConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'plants-eu',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      }),
    ).toMatchObject({
      endpoint: 'http://jaeger:4318',
      protocol: 'http/json',
      serviceName: 'plants-eu',
      samplerRatio: 0.25,
    });
  });

  it('names the variable it cannot use', () => {
    expect(() => loadTelemetryConfig({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL must be one of http\/protobuf, http\/json/,
    );
    expect(() => loadTelemetryConfig({ OTEL_TRACES_SAMPLER_ARG: '1.5' })).toThrow(/OTEL_TRACES_SAMPLER_ARG/);
    expect(() => loadTelemetryConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'jaeger:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT/,
    );
  });
});
