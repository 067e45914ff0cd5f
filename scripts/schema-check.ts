/**
 * `npm run schema:check`: lists how the composed API schema differs from the baseline in schema/api.graphql and fails
 * on a breaking change that schema/accepted-breaking-changes.yaml does not mark (path + reason).
 * `npm run schema:check -- --update` makes the current API schema the new baseline (after a release, or once a
 * breaking change is accepted).
 */
import { writeFile } from 'node:fs/promises';
import { CriticalityLevel } from '@graphql-inspector/core';
import { baselinePath, checkApiSchema } from './schema/api-schema.js';

const check = await checkApiSchema();
const mark = {
  [CriticalityLevel.Breaking]: 'BREAKING',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'ok',
};
for (const change of check.changes) console.log(`${mark[change.criticality.level].padEnd(9)} ${change.message}`);
if (process.argv.includes('--update')) {
  await writeFile(baselinePath, check.current);
  console.log(`wrote ${baselinePath}`);
} else if (check.unmarkedBreaking.length > 0) {
  console.error(
    `\n${check.unmarkedBreaking.length} breaking change(s) not marked in schema/accepted-breaking-changes.yaml:\n` +
      check.unmarkedBreaking.map((c) => `  - path: ${c.path ?? '?'}   (${c.message})`).join('\n'),
  );
  process.exit(1);
} else {
  console.log(
    check.changes.length
      ? `\n${check.changes.length} change(s), none breaking unmarked`
      : 'API schema matches the baseline',
  );
}
