import { scopeToEnum } from '@bloomzy/shared/scalars';
import type { ApiKeyResolvers, ApiKeyScope } from '../__generated__/resolvers-types.js';

export const ApiKey: ApiKeyResolvers = {
  scopes: (key) => key.scopes.map(scopeToEnum) as ApiKeyScope[],
};
