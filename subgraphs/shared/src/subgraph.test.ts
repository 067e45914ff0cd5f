import { createServer, type Server } from 'node:net';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { subgraphs } from './manifest.js';
import { startSubgraph } from './subgraph.js';

const logger = createLogger({ service: 'test', level: 'silent' });

/** Records the order in which the skeleton releases what a subgraph holds. */
function fixture() {
  const events: string[] = [];
  return {
    events,
    options: {
      name: subgraphs()[0]?.name ?? '',
      logger,
      resolvers: {},
      context: async () => ({}),
      database: {
        opened: {
          kind: 'pglite' as const,
          adapter: {} as SqlMigrationAwareDriverAdapterFactory,
          location: 'in memory',
          close: async () => void events.push('database closed'),
        },
        client: {
          $queryRawUnsafe: async () => [{ '?column?': 1 }],
          $disconnect: async () => void events.push('client disconnected'),
        },
      },
      background: [
        { stop: async () => void events.push('job stopped') },
        { stop: async () => void events.push('consumer stopped') },
      ],
    },
  };
}

let blocker: Server | undefined;
afterEach(() => blocker?.close());

describe('startSubgraph', () => {
  it('stops background work first, then the server, then the database', async () => {
    const { events, options } = fixture();
    const running = await startSubgraph({ ...options, config: { host: '127.0.0.1', port: 0, production: false } });
    const ready = await fetch(`${running.url.replace(/\/graphql$/, '')}/ready`);
    expect(ready.status).toBe(200);
    await running.stop();
    expect(events).toEqual(['job stopped', 'consumer stopped', 'client disconnected', 'database closed']);
  });

  it('releases background work and the database when the server cannot start', async () => {
    blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker?.listen(0, '127.0.0.1', () => resolve((blocker?.address() as { port: number }).port)),
    );
    const { events, options } = fixture();
    await expect(startSubgraph({ ...options, config: { host: '127.0.0.1', port, production: false } })).rejects.toThrow(
      /EADDRINUSE|address already in use/,
    );
    expect(events).toEqual(['job stopped', 'consumer stopped', 'client disconnected', 'database closed']);
  });

  it('suggests no field in production, where introspection is off', async () => {
    const { options } = fixture();
    for (const production of [false, true]) {
      const running = await startSubgraph({ ...options, config: { host: '127.0.0.1', port: 0, production } });
      const [field = ''] = Object.keys(running.schema.getQueryType()?.getFields() ?? {});
      const res = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ ${field.slice(0, -1)} }` }),
      });
      const { errors } = (await res.json()) as { errors: { message: string }[] };
      await running.stop();
      expect(errors[0]?.message.includes(`Did you mean "${field}"?`)).toBe(!production);
    }
  });
});
