import { DateTimeScalar } from '@bloomzy/shared/scalars';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { ApiKey } from './ApiKey.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { User } from './User.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Mutation, User, ApiKey };
