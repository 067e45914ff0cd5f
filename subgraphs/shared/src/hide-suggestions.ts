/**
 * No "Did you mean …?" in errors where the schema is not public. graphql-js appends to its messages the field,
 * argument, type or enum value it guesses the client meant, so a few misspelt guesses walk the schema even with
 * introspection off. Apollo Server's own `hideSchemaDetailsFromClientErrors` strips validation errors only; variable
 * coercion errors ('Value "X" does not exist in "Mood" enum. Did you mean the enum value "Y"?') come later, during
 * execution, so this plugin strips every error a request meets, just before they are formatted.
 */
import type { ApolloServerPlugin } from '@apollo/server';

/** graphql-js puts its suggestion last: ` Did you mean "a", "b", or "c"?` or ` Did you mean the enum value "X"?`. */
const SUGGESTION = / ?Did you mean .+\?$/s;

/** The message without graphql-js's trailing suggestion. */
export const withoutSuggestion = (message: string): string => message.replace(SUGGESTION, '');

export function hideSuggestions(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = withoutSuggestion(error.message);
        },
      };
    },
  };
}
