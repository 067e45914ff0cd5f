/**
 * Live graphql-ws connections outlive the credential they were opened with. This module ends them when it stops being
 * valid:
 *
 * - **Revoked** (logout, a revoked API key): auth pushes every revocation to every router over pub/sub
 *   (shared/auth/revocations.ts), and the router closes the session's sockets with 4401 (final for graphql-ws
 *   clients) as the message arrives, milliseconds after the revocation. A push can be missed (pub/sub is at most
 *   once: a router whose Redis subscriber was reconnecting), so one sweep timer re-checks every live session every
 *   `sweepEveryMs` as well, in batched reads (one Redis MGET per 1000 sessions, see batchedRevocationCheck).
 * - **Before every event**, the subscription's next result is held until the revocation list confirms the session
 *   is live. Logout returns only after the revocation is listed, so an event checked after that is withheld: no event
 *   is delivered after the logout mutation returned, whichever router holds the socket and however late its push
 *   arrives. While the list cannot answer (Redis down or being restored) the socket closes with 1013, which graphql-ws
 *   clients retry, rather than deliver an event it could not check.
 * - **Expired** (an access token past `exp`): the socket closes with 4440 at that moment (and any event after it is
 *   withheld), unless the client renewed it first by sending a fresh token on the socket (`renew`, see websocket.ts).
 *   graphql-ws clients retry 4440, calling `connectionParams` again, so a client that returns a fresh token there
 *   reconnects and resubscribes by itself (README, "Live connections, logout and token expiry").
 */
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { decodeJwt } from 'jose';
import type { WebSocket } from 'ws';
import { TOKEN_EXPIRED_CLOSE_CODE } from '@bloomzy/shared/auth/connection';
import type { RevocationStore } from '@bloomzy/shared/auth/revocations';
import type { Logger } from '@bloomzy/shared/logger';

/** WebSocket's "Try Again Later": graphql-ws clients reconnect after it. */
const TRY_AGAIN_LATER = 1013;

/** What a live connection is authenticated with now, for the checks above; `renew` replaces it. */
export interface LiveConnection {
  readonly socket: WebSocket;
  /** The session or API key id the revocation list names; none for credentials that cannot be revoked. */
  readonly revocableId: string | undefined;
  /** When the access token expires (ms since the epoch); undefined for API keys. */
  readonly expiresAt: number | undefined;
}

interface WatchedConnection extends LiveConnection {
  revocableId: string | undefined;
  expiresAt: number | undefined;
  timer: NodeJS.Timeout | undefined;
}

type Subscribe = (args: ExecutionArgs) => Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;

export interface LiveCredentials {
  /** Starts watching an authenticated socket until it closes. */
  watch(socket: WebSocket, credentials: Record<string, string>, revocableId: string | undefined): LiveConnection;
  /**
   * The connection now holds these (verified) credentials: a fresh access token sent on the open socket moves its
   * expiry, so it stays open without a reconnect.
   */
  renew(live: LiveConnection, credentials: Record<string, string>, revocableId: string | undefined): void;
  /** graphql-ws' `subscribe`, checking the connection (`contextValue.live`) before each event is handed on. */
  guard(subscribe: Subscribe): Subscribe;
  /** Stops listening for revocations and sweeping. */
  dispose(): Promise<void>;
}

export interface LiveCredentialsOptions {
  revocations: RevocationStore;
  logger: Logger;
  /** How often every live session is re-checked, for pushes a router missed. */
  sweepEveryMs: number;
}

/** The `exp` of a bearer JWT, in ms; undefined for API keys and anything that is not a JWT. */
function expiryOf(credentials: Record<string, string>): number | undefined {
  const token = /^Bearer\s+(.+)$/i.exec(credentials.authorization ?? '')?.[1];
  if (!token || token.split('.').length !== 3) return undefined;
  const exp = decodeJwt(token).exp;
  return exp === undefined ? undefined : exp * 1000;
}

function close(socket: WebSocket, code: number, reason: string): void {
  if (socket.readyState === socket.OPEN) socket.close(code, reason);
}

const closeRevoked = (socket: WebSocket) => close(socket, CloseCode.Unauthorized, 'Unauthorized: session ended');
const closeExpired = (socket: WebSocket) => close(socket, TOKEN_EXPIRED_CLOSE_CODE, 'TOKEN_EXPIRED');

const isIterable = (value: unknown): value is AsyncIterableIterator<ExecutionResult> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/** Most ids read from the revocation list in one round trip. */
const CHECK_BATCH = 1_000;

/**
 * `revocations.isRevoked`, with the lookups made in the same tick (one event reaching thousands of subscribers, or a
 * sweep) sent as a few batched reads when the store can (Redis: one MGET per CHECK_BATCH ids), not one each.
 */
function batchedRevocationCheck(revocations: RevocationStore): (id: string) => Promise<boolean> {
  const areRevoked = revocations.areRevoked?.bind(revocations);
  if (!areRevoked) return (id) => revocations.isRevoked(id);
  let pending = new Map<string, { resolve: (revoked: boolean) => void; reject: (error: unknown) => void }[]>();
  const flush = () => {
    const batch = pending;
    pending = new Map();
    const ids = [...batch.keys()];
    for (let start = 0; start < ids.length; start += CHECK_BATCH) {
      const chunk = ids.slice(start, start + CHECK_BATCH);
      areRevoked(chunk).then(
        (answers) => chunk.forEach((id, i) => batch.get(id)?.forEach((w) => w.resolve(answers[i] ?? false))),
        (error: unknown) => chunk.forEach((id) => batch.get(id)?.forEach((w) => w.reject(error))),
      );
    }
  };
  return (id) =>
    new Promise((resolve, reject) => {
      if (pending.size === 0) setImmediate(flush);
      const waiters = pending.get(id);
      if (waiters) waiters.push({ resolve, reject });
      else pending.set(id, [{ resolve, reject }]);
    });
}

export function createLiveCredentials(options: LiveCredentialsOptions): LiveCredentials {
  const { revocations, logger } = options;
  const isRevoked = batchedRevocationCheck(revocations);
  /** Open sockets by the session or API key they were opened with. */
  const sockets = new Map<string, Set<WebSocket>>();

  const closeAll = (id: string) => {
    for (const socket of sockets.get(id) ?? []) closeRevoked(socket);
  };

  const pushed = revocations.revoked();
  const listening = (async () => {
    for await (const id of pushed) closeAll(id);
  })().catch((error: unknown) => logger.error('revocation feed failed', { error }));

  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping || sockets.size === 0) return;
    sweeping = true;
    void Promise.all(
      [...sockets.keys()].map((id) =>
        isRevoked(id).then(
          (revoked) => revoked && closeAll(id),
          () => {}, // the list cannot answer now; the next sweep (or the next event's check) will
        ),
      ),
    ).finally(() => (sweeping = false));
  }, options.sweepEveryMs).unref();

  /** Arms the expiry timer and files the socket under its session (or API key). */
  function hold(live: WatchedConnection, credentials: Record<string, string>, revocableId: string | undefined) {
    live.revocableId = revocableId;
    live.expiresAt = expiryOf(credentials);
    if (live.expiresAt !== undefined) armExpiry(live, live.expiresAt);
    if (revocableId) {
      let set = sockets.get(revocableId);
      if (!set) sockets.set(revocableId, (set = new Set()));
      set.add(live.socket);
    }
  }

  /**
   * Closes the socket once `expiresAt` has passed by the wall clock. Node's timers run on a monotonic clock rounded to
   * whole milliseconds and may fire a millisecond before `Date.now()` reaches the deadline, when the token is still
   * valid, so an early wake re-arms for the rest.
   */
  function armExpiry(live: WatchedConnection, expiresAt: number) {
    // setTimeout's longest delay is about 24.8 days; tokens live minutes.
    const delay = Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1);
    live.timer = setTimeout(() => {
      if (Date.now() < expiresAt) armExpiry(live, expiresAt);
      else closeExpired(live.socket);
    }, delay).unref();
  }

  function release(live: WatchedConnection) {
    clearTimeout(live.timer);
    if (!live.revocableId) return;
    const set = sockets.get(live.revocableId);
    set?.delete(live.socket);
    if (set?.size === 0) sockets.delete(live.revocableId);
  }

  /** Why `live` may not receive an event now: a socket close to make, or null when it may. */
  async function refusal(live: LiveConnection): Promise<(() => void) | null> {
    if (live.expiresAt !== undefined && Date.now() >= live.expiresAt) return () => closeExpired(live.socket);
    if (!live.revocableId) return null;
    try {
      if (await isRevoked(live.revocableId)) return () => closeRevoked(live.socket);
    } catch (error) {
      logger.warn('revocation list unavailable; closing a live connection rather than deliver unchecked', { error });
      return () => close(live.socket, TRY_AGAIN_LATER, 'Try again later: credentials cannot be checked now');
    }
    return null;
  }

  /** `source`, each result held until `live` passes; a refused one is never handed on. */
  function guarded(
    source: AsyncIterableIterator<ExecutionResult>,
    live: LiveConnection,
  ): AsyncIterableIterator<ExecutionResult> {
    let ended: ((result: IteratorResult<ExecutionResult>) => void) | undefined;
    const done = { done: true, value: undefined } as const;
    return {
      async next() {
        const result = await source.next();
        if (result.done) return result;
        const refuse = await refusal(live);
        if (!refuse) return result;
        refuse();
        // Nothing more for graphql-ws to send: it calls return() when the socket has closed, which settles this.
        void source.return?.();
        return new Promise((resolve) => (ended = resolve));
      },
      async return() {
        ended?.(done);
        await source.return?.();
        return done;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  return {
    watch(socket, credentials, revocableId) {
      const live: WatchedConnection = { socket, revocableId: undefined, expiresAt: undefined, timer: undefined };
      hold(live, credentials, revocableId);
      socket.once('close', () => release(live));
      return live;
    },

    renew(live, credentials, revocableId) {
      const watched = live as WatchedConnection;
      if (watched.socket.readyState !== watched.socket.OPEN) return;
      release(watched);
      hold(watched, credentials, revocableId);
    },

    guard(subscribe) {
      return async (args) => {
        const live = (args.contextValue as { live?: LiveConnection } | undefined)?.live;
        const result = await subscribe(args);
        return live && isIterable(result) ? guarded(result, live) : result;
      };
    },

    async dispose() {
      clearInterval(sweep);
      await pushed.return?.();
      await listening;
    },
  };
}
