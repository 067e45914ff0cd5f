import { DateTimeScalar } from '@bloomzy/shared/scalars';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { ApiKey } from './api-key.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { User } from './user.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Mutation, User, ApiKey };
