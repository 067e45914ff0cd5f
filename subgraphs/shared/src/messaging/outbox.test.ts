/** The outbox table is one contract: every subgraph that publishes events declares the same `OutboxEvent` model. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subgraphs } from '../manifest.js';
import { prismaProject } from '../paths.js';

/** The `model OutboxEvent { … }` block of a subgraph's schema, without comments and blank lines; null without one. */
function outboxModel(name: string): string | null {
  const schema = readFileSync(prismaProject(name).schemaPath, 'utf8');
  const block = /^model OutboxEvent \{[\s\S]*?^\}/m.exec(schema)?.[0];
  if (!block) return null;
  return block
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .filter(Boolean)
    .join('\n');
}

describe('the OutboxEvent model', () => {
  it('is declared identically by auth and plants (the subgraphs that publish events), as the relay expects', () => {
    const declared = Object.fromEntries(subgraphs().map((s) => [s.name, outboxModel(s.name)]));
    expect(declared.auth).toContain('aggregateId String');
    expect(declared.plants).toBe(declared.auth);
    for (const model of Object.values(declared)) if (model !== null) expect(model).toBe(declared.auth);
  });
});
