import { describe, expect, it } from 'vitest';
import { coalesceWrites } from './coalesced-writes.js';

describe('coalesceWrites', () => {
  it('corks the socket for the turn of the first send and uncorks it after, sends kept in order', async () => {
    const events: string[] = [];
    const raw = { cork: () => events.push('cork'), uncork: () => events.push('uncork') };
    const socket = { send: (data: string) => void events.push(`send ${data}`) };
    coalesceWrites(socket as never, raw as never);
    const sendOn = socket as unknown as { send(data: string): void };
    for (const n of [1, 2, 3]) sendOn.send(String(n));
    await Promise.resolve();
    sendOn.send('4'); // a microtask of the same turn: same write
    expect(events).toEqual(['cork', 'send 1', 'send 2', 'send 3', 'send 4']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.at(-1)).toBe('uncork');
    sendOn.send('5'); // a later turn corks again
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.slice(5)).toEqual(['uncork', 'cork', 'send 5', 'uncork']);
  });
});
