/**
 * The fuzz suite: every argument and input field of every query and mutation of the composed supergraph gets bad
 * values, sent through the router (production settings: no stack traces) to the subgraphs, all in this process. No
 * answer may be a 5xx or an INTERNAL_SERVER_ERROR, reveal internals, or — for a refused mutation — change a database.
 *
 * Seeded: FUZZ_SEED reproduces a run (the seed is printed), FUZZ_RUNS sets the random cases per target (default 4),
 * on top of the four every target gets (NUL and an unpaired surrogate as a variable and inline, "yesterday" for a
 * date): some 1700 requests, 20 s to 2 minutes on two cores depending on what else runs.
 */
import fc from 'fast-check';
import type { GraphQLArgument } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../e2e/harness.js';
import { createFixtures, type Fixtures } from './fixtures.js';
import { apiSchema, documentFor, fuzzOperations, fuzzTargets, type FuzzTarget } from './operations.js';
import { databaseSnapshots, type DatabaseSnapshots } from './snapshot.js';
import { badValue, literal, plausible, replaceAt } from './values.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_128);
const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
/** Sent to every target besides the random cases: the bad values that broke the services before. */
const ALWAYS: { bad: unknown; inline: boolean }[] = [
  { bad: 'nul\u0000byte', inline: false },
  { bad: 'nul\u0000byte', inline: true },
  { bad: 'lone \ud800 surrogate', inline: false },
  { bad: 'yesterday', inline: true },
];

/** What no error may carry: stack frames, SQL, the database client, source paths, internal addresses. */
const INTERNALS =
  /stacktrace|\bat \S+ \([^)]*:\d+:\d+\)|prisma|invocation|\bSELECT\b|\bINSERT\b|\bUPDATE "|violates|postgres|pglite|node_modules|\/src\/|\.ts:\d|127\.0\.0\.1|localhost|https?:\/\/[^\s"/]+:\d+/i;

interface FuzzCase {
  args: Record<string, unknown>;
  inline: boolean;
  bad: unknown;
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function send(
  stack: Stack,
  document: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
) {
  const res = await fetch(stack.routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: document, variables }),
  });
  const text = await res.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
  return { status: res.status, body };
}

/** Every failure of one answer, empty when it is a proper client answer. */
function problems(answer: Answer, target: FuzzTarget): string[] {
  const out: string[] = [];
  if (answer.status >= 500) out.push(`HTTP ${answer.status}`);
  for (const error of answer.body.errors ?? []) {
    if (error.extensions?.code === 'INTERNAL_SERVER_ERROR' || !error.extensions?.code)
      out.push(`${error.extensions?.code ?? 'no code'}: ${error.message.slice(0, 200)}`);
    const text = JSON.stringify(error);
    const leak = INTERNALS.exec(text);
    if (leak) out.push(`reveals "${leak[0]}": ${text.slice(0, 300)}`);
  }
  if (!answer.body.errors && !answer.body.data) out.push(`neither data nor errors (${target.path.join('.')})`);
  return out;
}

describe('fuzzing every argument through the router', () => {
  let stack: Stack;
  let fixtures: Fixtures;
  let snapshots: DatabaseSnapshots;
  let targets: FuzzTarget[];

  beforeAll(async () => {
    stack = await startStack({
      // Plants' schedule reconciler rewrites schedules on a timer; a run during the suite would look like a refused
      // mutation's write. Once a day is as seldom as it goes.
      env: { SCHEDULE_RECONCILE_INTERVAL_MS: '86400000' },
      routerEnv: { NODE_ENV: 'production', RATE_LIMIT_REQUESTS: '1000000', RATE_LIMIT_COST: '100000000' },
    });
    fixtures = await createFixtures(stack);
    snapshots = await databaseSnapshots({
      auth: stack.auth.runtime.db,
      plants: stack.plants.runtime.db,
      notifications: stack.notifications.runtime.db,
    });
    targets = fuzzTargets(fuzzOperations(await apiSchema()));
  });
  afterAll(async () => stack?.stop());

  it('answers every bad value as a client error, revealing nothing and writing nothing', async () => {
    console.log(
      `fuzz: seed ${SEED} (FUZZ_SEED), ${RUNS} random cases per target (FUZZ_RUNS) besides ${ALWAYS.length} fixed ones, ${targets.length} targets`,
    );
    const now = Date.now();
    const failures: string[] = [];
    let requests = 0;
    /** Answers by their first error's code (`data` when none): the suite must reach the resolvers, not only the door. */
    const outcomes = new Map<string, number>();
    /** A mutation succeeded since the last snapshot: its events may still be writing. */
    let unsettled = true;
    for (const [index, target] of targets.entries()) {
      const { operation } = target;
      const args: readonly GraphQLArgument[] = operation.field.args;
      const argsOf = fc
        .tuple(...args.map((arg) => plausible(arg.type, arg.name, { ids: fixtures.ids }, now)))
        .map((values) => Object.fromEntries(args.map((arg, i) => [arg.name, values[i]])));
      const caseOf: fc.Arbitrary<FuzzCase> = fc.record({ args: argsOf, inline: fc.boolean(), bad: badValue });
      const [someArgs = {}] = fc.sample(argsOf, { seed: SEED + index, numRuns: 1 });
      const examples = ALWAYS.map((example): [FuzzCase] => [{ ...example, args: someArgs }]);
      const result = await fc.check(
        fc.asyncProperty(caseOf, async ({ args: plausibleArgs, inline, bad }) => {
          const values = replaceAt(plausibleArgs, target.path, bad) as Record<string, unknown>;
          const document = documentFor(
            operation,
            args,
            inline ? Object.fromEntries(args.map((arg) => [arg.name, literal(values[arg.name], arg.type)])) : undefined,
          );
          const mutation = operation.kind === 'mutation';
          let before: Record<string, unknown> | undefined;
          if (mutation) {
            before = unsettled ? await snapshots.settled() : await snapshots.take();
            unsettled = false;
          }
          const answer = await send(stack, document, inline ? {} : values, fixtures.headers);
          requests++;
          const outcome = answer.body.errors?.[0]?.extensions?.code ?? 'data';
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          const found = problems(answer, target);
          const field = operation.path[0] as string;
          unsettled ||= mutation && answer.body.data?.[field] != null;
          if (before && answer.body.data?.[field] == null) {
            const after = await snapshots.take();
            const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
            if (changed.length) found.push(`refused, but wrote to ${changed.join(', ')}`);
          }
          if (found.length) {
            throw new Error(`${found.join('\n')}\n${document}\nvariables: ${JSON.stringify(values).slice(0, 300)}`);
          }
        }),
        { seed: SEED + index, numRuns: RUNS + examples.length, examples, endOnFailure: true },
      );
      if (result.failed) {
        const reason = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.error);
        failures.push(`${operation.path.join('.')} @ ${target.path.join('.')} (seed ${SEED + index}): ${reason}`);
      }
    }
    console.log(`fuzz: ${requests} requests, ${failures.length} failing targets`, Object.fromEntries(outcomes));
    expect(failures).toEqual([]);
    // A suite whose session died (or that hit a rate limit) would pass while testing nothing behind the door.
    const turnedAway = (outcomes.get('UNAUTHENTICATED') ?? 0) + (outcomes.get('RATE_LIMITED') ?? 0);
    expect(turnedAway, 'answers turned away before any resolver ran').toBeLessThan(requests / 10);
  }, 600_000);
});
