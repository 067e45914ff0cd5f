import { describe, expect, it } from 'vitest';
import { bool, ConfigError, int, list, oneOf, port, str, url } from './config.js';

describe('config readers', () => {
  it('use the fallback when a variable is unset or blank', () => {
    expect(str({}, 'A', 'x')).toBe('x');
    expect(str({ A: '  ' }, 'A', 'x')).toBe('x');
    expect(int({}, 'N', 5)).toBe(5);
    expect(bool({}, 'B', true)).toBe(true);
    expect(list({}, 'L')).toEqual([]);
  });

  it('parse well-formed values', () => {
    expect(port({ P: '4001' }, 'P', 1)).toBe(4001);
    expect(bool({ B: 'no' }, 'B', true)).toBe(false);
    expect(list({ L: 'a@x.io, b@y.io,' }, 'L')).toEqual(['a@x.io', 'b@y.io']);
    expect(url({ U: 'redis://h:6379' }, 'U', ['redis'])).toBe('redis://h:6379');
  });

  it.each([
    [() => str({}, 'REQUIRED_THING'), 'REQUIRED_THING'],
    [() => port({ AUTH_PORT: 'abc' }, 'AUTH_PORT', 4001), 'AUTH_PORT'],
    [() => port({ AUTH_PORT: '70000' }, 'AUTH_PORT', 4001), 'AUTH_PORT'],
    [() => bool({ LOG_JSON: 'maybe' }, 'LOG_JSON', false), 'LOG_JSON'],
    [() => oneOf({ NODE_ENV: 'prod' }, 'NODE_ENV', ['development', 'production'], 'development'), 'NODE_ENV'],
    [() => url({ REDIS_URL: 'localhost:6379' }, 'REDIS_URL', ['redis']), 'REDIS_URL'],
    [() => url({ AUTH_DATABASE_URL: 'mysql://x/y' }, 'AUTH_DATABASE_URL', ['postgres']), 'AUTH_DATABASE_URL'],
  ])('refuse bad values with an error naming the variable (%#)', (read, variable) => {
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(variable);
  });
});
