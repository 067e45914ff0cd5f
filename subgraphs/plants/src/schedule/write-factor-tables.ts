/** Rewrites FORMULA.md's factor tables from the code: `npm run docs:factor-tables -w @bloomzy/plants`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { FORMULA_FILE, withFactorTables } from './factor-tables.js';

const before = readFileSync(FORMULA_FILE, 'utf8');
const after = withFactorTables(before);
if (after !== before) writeFileSync(FORMULA_FILE, after);
console.info(after === before ? `${FORMULA_FILE} is up to date` : `rewrote the factor tables of ${FORMULA_FILE}`);
