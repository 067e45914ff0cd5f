/**
 * A validation rule graphql-armor lacks: at most `max` root fields per operation. Aliases make each root field a
 * separate entry point the gateway plans and fetches on its own, so a wide root costs like many requests in one.
 */
import { Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * The response keys (alias, else name) at the root of one operation, through inline fragments and fragment spreads:
 * fields sharing a key merge into one. Each fragment is read once, so a cycle (graphql's own NoFragmentCyclesRule
 * reports it) cannot loop here.
 */
function collectRootKeys(
  selectionSet: SelectionSetNode,
  context: ValidationContext,
  keys: Set<string>,
  visited: Set<string>,
): Set<string> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) keys.add((selection.alias ?? selection.name).value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) collectRootKeys(selection.selectionSet, context, keys, visited);
    else if (!visited.has(selection.name.value)) {
      visited.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) collectRootKeys(fragment.selectionSet, context, keys, visited);
    }
  }
  return keys;
}

/** Calls `refuse(context, found)` for every operation of the document with more than `max` root fields. */
export function maxRootFieldsRule(
  max: number,
  refuse: (context: ValidationContext, found: number) => void,
): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const found = collectRootKeys(operation.selectionSet, context, new Set(), new Set()).size;
      if (found > max) refuse(context, found);
    },
  });
}
