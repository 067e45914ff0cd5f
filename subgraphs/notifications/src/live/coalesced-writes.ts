/**
 * Frames a graphql-ws connection sends within one turn of the event loop leave in one write. A router multiplexes
 * thousands of subscriptions over a few connections (subscriber.ts), so a reminder burst puts thousands of `next`
 * frames on one socket at once; sent one by one, each was a syscall of its own. The socket is corked at the first
 * send of a turn and uncorked after it (setImmediate), so ws's own cork/uncork per frame (header, payload) nests
 * inside and the kernel gets one writev for the turn. Nothing waits longer than the turn it was sent in.
 */
import type { Socket } from 'node:net';

interface Sends {
  send(...args: never[]): void;
}

export function coalesceWrites(socket: Sends, raw: Pick<Socket, 'cork' | 'uncork'>): void {
  const send = socket.send.bind(socket) as (...args: unknown[]) => void;
  let corked = false;
  socket.send = ((...args: unknown[]) => {
    if (!corked) {
      corked = true;
      raw.cork();
      setImmediate(() => {
        corked = false;
        raw.uncork();
      });
    }
    send(...args);
  }) as Sends['send'];
}
