/** The objects auth resolvers return for GraphQL types (codegen mappers). */
import type { ApiKey, User } from '../../../prisma/auth/generated/client.js';

export type UserModel = User;
export type ApiKeyModel = ApiKey;
