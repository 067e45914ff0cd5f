import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { badInput, createErrorFormatter } from './errors.js';

const formatted = (error: GraphQLError): GraphQLFormattedError => ({
  ...error.toJSON(),
  extensions: { ...error.extensions, stacktrace: ['at secret (/srv/app.ts:1)'] },
});

describe('error formatter', () => {
  it('keeps our codes and the offending field, without stack traces in production', () => {
    const format = createErrorFormatter({ production: true, log: () => {} });
    const error = badInput('input.email', 'Email address is not valid');
    expect(format(formatted(error), error)).toEqual({
      message: 'Email address is not valid',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.email' },
    });
  });

  it('turns unexpected errors into a bare INTERNAL_SERVER_ERROR in production and logs them', () => {
    const logged: unknown[] = [];
    const format = createErrorFormatter({ production: true, log: (e) => logged.push(e) });
    const original = new GraphQLError('relation "User" does not exist at 10.0.0.5', { originalError: new Error('db') });
    const out = format(formatted(original), original);
    expect(out).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(out)).not.toContain('10.0.0.5');
    expect(logged).toEqual([original]);
  });

  it('keeps details for developers outside production', () => {
    const format = createErrorFormatter({ production: false, log: () => {} });
    const original = new GraphQLError('boom');
    expect(format(formatted(original), original).extensions).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      stacktrace: expect.any(Array),
    });
  });

  it("never passes on a subgraph's URL and raw answer (@apollo/gateway's extensions.response)", () => {
    for (const production of [true, false]) {
      const format = createErrorFormatter({ production, log: () => {} });
      const error = new GraphQLError('Bad input', {
        extensions: { code: 'BAD_USER_INPUT', response: { url: 'http://10.0.0.7:4002/graphql', status: 400 } },
      });
      expect(JSON.stringify(format(formatted(error), error))).not.toContain('10.0.0.7');
    }
  });

  it("keeps a database client's invocation text out of responses outside production too", () => {
    const logged: unknown[] = [];
    const format = createErrorFormatter({ production: false, log: (e) => logged.push(e) });
    const prisma = Object.assign(new Error('Invalid `prisma.plant.create()` invocation in /srv/plants/src/db.ts:12'), {
      name: 'PrismaClientUnknownRequestError',
    });
    const original = new GraphQLError(prisma.message, { originalError: prisma });
    const out = format(formatted(original), original);
    expect(out.message).not.toMatch(/prisma|invocation|\/srv/i);
    expect(out.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(logged).toEqual([original]);
  });
});
