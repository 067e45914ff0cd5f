/**
 * The set-up the dispatcher suites share: a harness on one database kind and a webhook receiver, started before the
 * suite and stopped after it. Call it inside `describe`; read `h` and `hook` in tests (they exist once beforeAll ran).
 */
import { afterAll, beforeAll } from 'vitest';
import type { TestDatabaseKind } from '@bloomzy/shared/testing/test-database';
import { startHarness, type Harness } from './harness.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

export interface DispatchSuite {
  readonly h: Harness;
  readonly hook: WebhookReceiver;
}

export function useDispatchSuite(kind: TestDatabaseKind): DispatchSuite {
  let h: Harness | undefined;
  let hook: WebhookReceiver | undefined;
  beforeAll(async () => {
    h = await startHarness(kind);
    hook = await startWebhookReceiver();
  });
  afterAll(async () => {
    await h?.stop();
    await hook?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the dispatch suite has not started (use it in tests, not at collection)');
    return value;
  };
  return {
    get h() {
      return started(h);
    },
    get hook() {
      return started(hook);
    },
  };
}
