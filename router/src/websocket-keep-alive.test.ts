/**
 * WS_KEEP_ALIVE_MS: the router pings each acknowledged client socket at that interval, or not at all with 0 (the
 * interval is the idle CPU a router spends per socket; TCP keep-alive is on either way).
 */
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startRouterWithSubgraph } from './testing/router-with-subgraph.js';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    hello: String
  }
`);

/** Pings a graphql-ws client socket receives in its first `ms` after the router acknowledged it. */
async function pingsWithin(keepAliveMs: string, ms: number): Promise<number> {
  const router = await startRouterWithSubgraph({
    typeDefs,
    resolvers: { Query: { hello: () => 'hi' } },
    env: { WS_KEEP_ALIVE_MS: keepAliveMs },
  });
  const socket = new WebSocket(router.wsUrl, 'graphql-transport-ws');
  try {
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    let pings = 0;
    socket.on('ping', () => pings++);
    const acked = new Promise<void>((resolve) =>
      socket.on('message', (data: Buffer) => {
        if ((JSON.parse(data.toString('utf8')) as { type: string }).type === 'connection_ack') resolve();
      }),
    );
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: router.authorization } }));
    await acked;
    await new Promise((resolve) => setTimeout(resolve, ms));
    expect(socket.readyState).toBe(WebSocket.OPEN); // ws answers each ping, so the router keeps the socket
    return pings;
  } finally {
    socket.close();
    await router.stop();
  }
}

describe('router WebSocket keep-alive', () => {
  it('pings every client socket at WS_KEEP_ALIVE_MS', async () => {
    expect(await pingsWithin('100', 550)).toBeGreaterThanOrEqual(3);
  });

  it('sends no pings with WS_KEEP_ALIVE_MS=0', async () => {
    expect(await pingsWithin('0', 550)).toBe(0);
  });
});
