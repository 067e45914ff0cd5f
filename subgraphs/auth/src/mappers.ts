/** The objects auth resolvers return for GraphQL types (codegen mappers). */
import type { ApiKey, User } from './db/client.js';

export type UserModel = User;
export type ApiKeyModel = ApiKey;
