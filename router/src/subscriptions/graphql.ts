/**
 * The graphql-js values this module uses, taken from graphql's CommonJS build on purpose.
 *
 * graphql 16 ships index.js (CJS) and index.mjs (ESM) with no `exports` map. Node resolves `graphql` to index.js —
 * the copy @apollo/gateway, federation-internals and graphql-ws load too — but Vite/Vitest follow the `module` field
 * to index.mjs for our TypeScript sources. Two graphql realms then meet (schemas built by federation-internals,
 * validated by us) and graphql's instanceof checks throw "Cannot use GraphQLSchema … from another module or realm".
 * Under plain Node both specifiers resolve to the same file, so this changes nothing in production.
 */
export { GraphQLError, Kind, getOperationAST, getVariableValues, specifiedRules, validate } from 'graphql/index.js';
