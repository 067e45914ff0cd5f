import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserModel, ApiKeyModel } from '../mappers.js';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC, e.g. 2026-05-01T09:00:00.000Z. */
  DateTime: { input: Date; output: Date | string; }
  FieldSet: { input: unknown; output: unknown; }
  link__Import: { input: unknown; output: unknown; }
};

/** A credential for programmatic clients (a soil sensor, a home-automation hub), limited to its scopes. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the key stops working, if it expires. */
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Last time the key authenticated a request. */
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  /** Human label, e.g. 'Balcony soil sensor'. */
  name: Scalars['String']['output'];
  /** First characters of the key, to recognise it; the secret itself is never shown again. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked, if it was. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** What the key may do. */
  scopes: Array<ApiKeyScope>;
};

/** Permissions an API key can hold. A signed-in user holds all of them. */
export type ApiKeyScope =
  /** Read notifications. */
  | 'NOTIFICATIONS_READ'
  /** Act on notifications and change preferences. */
  | 'NOTIFICATIONS_WRITE'
  /** Read the owner's plants, waterings and growth journal. */
  | 'PLANTS_READ'
  /** Log waterings and growth, add and change plants. */
  | 'PLANTS_WRITE'
  /** Read the owner's profile. */
  | 'PROFILE_READ'
  /** Change the owner's profile. */
  | 'PROFILE_WRITE';

/** Tokens returned by signup, login and refresh. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Short-lived JWT (ES256) to send as `Authorization: Bearer <token>`. */
  accessToken: Scalars['String']['output'];
  /** When the access token expires. */
  expiresAt: Scalars['DateTime']['output'];
  /** Single-use token to obtain a new pair via `refreshToken`; rotating: each use returns a new one. */
  refreshToken: Scalars['String']['output'];
  /** The signed-in user. */
  user: User;
};

/** A new API key. */
export type CreateApiKeyInput = {
  /** Optional lifetime in days (1–3650); no expiry when omitted. */
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  /** Human label, 1–100 characters. */
  name: Scalars['String']['input'];
  /** At least one scope. */
  scopes: Array<ApiKeyScope>;
};

/** The new key and its secret. The secret is shown only in this response. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  /** The key's metadata. */
  apiKey: ApiKey;
  /** The secret to send as `X-Api-Key` or `Authorization: Bearer`. Store it now: it cannot be retrieved later. */
  secret: Scalars['String']['output'];
};

/** Hemisphere of the user's home; seasons are opposite in the south. */
export type Hemisphere =
  | 'NORTHERN'
  | 'SOUTHERN';

export type Mutation = {
  __typename?: 'Mutation';
  /** Changes your password and signs out every other session. */
  changePassword: Scalars['Boolean']['output'];
  /** Creates an API key; its secret is returned once. */
  createApiKey: CreatedApiKey;
  /** Signs in. A wrong email or password give the same UNAUTHENTICATED error; a deactivated account is refused. */
  login: AuthPayload;
  /** Ends the session: the current access token and the refresh-token family stop working at once. */
  logout: Scalars['Boolean']['output'];
  /** Exchanges a refresh token for a new pair. Reusing an already-used refresh token revokes that whole session. */
  refreshToken: AuthPayload;
  /** Revokes one of your API keys at once. Returns the revoked key. */
  revokeApiKey: ApiKey;
  /** Creates an account and signs it in. Duplicate email gives CONFLICT; bad fields give BAD_USER_INPUT naming the field. */
  signup: AuthPayload;
  /** Changes your profile. */
  updateProfile: User;
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationLogoutArgs = {
  refreshToken?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRefreshTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSignupArgs = {
  input: SignupInput;
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

/** The user's master switches for how Bloomzy may contact them. */
export type NotificationSettings = {
  __typename?: 'NotificationSettings';
  /** Email notifications (when an email channel is configured). */
  email: Scalars['Boolean']['output'];
  /** Reminders and alerts at all. */
  enabled: Scalars['Boolean']['output'];
  /** Live in-app notifications. */
  inApp: Scalars['Boolean']['output'];
  /** Push notifications to devices (when a push channel is configured). */
  push: Scalars['Boolean']['output'];
};

/** Notification switches; omitted ones stay as they are. */
export type NotificationSettingsInput = {
  /** Email notifications. */
  email?: InputMaybe<Scalars['Boolean']['input']>;
  /** Reminders and alerts at all. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Live in-app notifications. */
  inApp?: InputMaybe<Scalars['Boolean']['input']>;
  /** Push notifications. */
  push?: InputMaybe<Scalars['Boolean']['input']>;
};

export type Query = {
  __typename?: 'Query';
  /** Your API keys, newest first, including revoked ones. */
  apiKeys: Array<ApiKey>;
  /** The signed-in user, or null when not signed in. */
  me: Maybe<User>;
  /** A user's profile: only your own, unless you are an admin. Another user's id gives NOT_FOUND. */
  user: Maybe<User>;
};


export type QueryUserArgs = {
  id: Scalars['ID']['input'];
};

/** Account role. Admins manage the species catalog and can read any profile. */
export type Role =
  | 'ADMIN'
  | 'USER';

/** Fields for a new account. */
export type SignupInput = {
  /** Email address; checked and normalised to lower case. */
  email: Scalars['String']['input'];
  /** Given name. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Language tag; defaults to en. */
  language?: InputMaybe<Scalars['String']['input']>;
  /** Family name. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** At least 8 characters, not all letters and not all digits. */
  password: Scalars['String']['input'];
  /** IANA timezone; defaults to UTC. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** Public handle, 3–80 characters (letters, digits, . _ -), unique. Derived from the email when omitted. */
  username?: InputMaybe<Scalars['String']['input']>;
};

/** Profile changes; omitted fields stay as they are, null clears an optional field. */
export type UpdateProfileInput = {
  /** At most 500 characters. */
  bio?: InputMaybe<Scalars['String']['input']>;
  /** Given name, at most 100 characters. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Hemisphere of the user's home. */
  hemisphere?: InputMaybe<Hemisphere>;
  /** A language tag such as en or pt-BR. */
  language?: InputMaybe<Scalars['String']['input']>;
  /** Family name, at most 100 characters. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters. */
  location?: InputMaybe<Scalars['String']['input']>;
  /** Notification switches to change. */
  notificationSettings?: InputMaybe<NotificationSettingsInput>;
  /** A valid IANA timezone such as America/New_York. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** 3–80 characters (letters, digits, . _ -), unique. */
  username?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A Bloomzy account. Owned by the auth subgraph; other subgraphs add fields (a user's plants, notifications).
 * Private fields (email, settings) are visible only to the user themself and to admins.
 */
export type User = {
  __typename?: 'User';
  /** Whether the account can sign in. */
  active: Scalars['Boolean']['output'];
  /** Free text about the person, at most 500 characters. */
  bio: Maybe<Scalars['String']['output']>;
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Login email, normalised to lower case. Visible to the user and admins only. */
  email: Maybe<Scalars['String']['output']>;
  /** Given name. */
  firstName: Maybe<Scalars['String']['output']>;
  /** Hemisphere the user lives in; decides the season used by the care schedule. */
  hemisphere: Hemisphere;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Preferred language as a BCP 47 tag (e.g. en, de-CH). */
  language: Scalars['String']['output'];
  /** Last successful login, if any. */
  lastLoginAt: Maybe<Scalars['DateTime']['output']>;
  /** Family name. */
  lastName: Maybe<Scalars['String']['output']>;
  /** Where the person lives (free text, e.g. a city), used for context only. */
  location: Maybe<Scalars['String']['output']>;
  /** Notification switches. Visible to the user and admins only. */
  notificationSettings: Maybe<NotificationSettings>;
  /** USER or ADMIN. */
  role: Role;
  /** IANA timezone (e.g. Europe/Berlin); reminders are sent in this zone. */
  timezone: Scalars['String']['output'];
  /** Public handle, 3–80 characters, unique. */
  username: Maybe<Scalars['String']['output']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ApiKeyScope: ApiKeyScope;
  AuthPayload: ResolverTypeWrapper<Omit<AuthPayload, 'user'> & { user: ResolversTypes['User'] }>;
  CreateApiKeyInput: CreateApiKeyInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CreatedApiKey: ResolverTypeWrapper<Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FieldSet: ResolverTypeWrapper<Scalars['FieldSet']['output']>;
  Hemisphere: Hemisphere;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NotificationSettings: ResolverTypeWrapper<NotificationSettings>;
  NotificationSettingsInput: NotificationSettingsInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Role: Role;
  SignupInput: SignupInput;
  UpdateProfileInput: UpdateProfileInput;
  User: ResolverTypeWrapper<UserModel>;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ApiKey: ApiKeyModel;
  ID: Scalars['ID']['output'];
  AuthPayload: Omit<AuthPayload, 'user'> & { user: ResolversParentTypes['User'] };
  CreateApiKeyInput: CreateApiKeyInput;
  Int: Scalars['Int']['output'];
  CreatedApiKey: Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  DateTime: Scalars['DateTime']['output'];
  FieldSet: Scalars['FieldSet']['output'];
  Mutation: Record<PropertyKey, never>;
  NotificationSettings: NotificationSettings;
  NotificationSettingsInput: NotificationSettingsInput;
  Query: Record<PropertyKey, never>;
  SignupInput: SignupInput;
  UpdateProfileInput: UpdateProfileInput;
  User: UserModel;
  link__Import: Scalars['link__Import']['output'];
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
}>;

export type InaccessibleDirectiveArgs = { };

export type InaccessibleDirectiveResolver<Result, Parent, ContextType = Context, Args = InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type InterfaceObjectDirectiveArgs = { };

export type InterfaceObjectDirectiveResolver<Result, Parent, ContextType = Context, Args = InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type LinkDirectiveArgs = {
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
  url: Scalars['String']['input'];
};

export type LinkDirectiveResolver<Result, Parent, ContextType = Context, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
};

export type OverrideDirectiveResolver<Result, Parent, ContextType = Context, Args = OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = Context, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type TagDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type TagDirectiveResolver<Result, Parent, ContextType = Context, Args = TagDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ApiKeyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['ApiKeyScope']>, ParentType, ContextType>;
}>;

export type AuthPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuthPayload'] = ResolversParentTypes['AuthPayload']> = ResolversObject<{
  accessToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  refreshToken?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type CreatedApiKeyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['FieldSet'], any> {
  name: 'FieldSet';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  changePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  login?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'email' | 'password'>>;
  logout?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, Partial<MutationLogoutArgs>>;
  refreshToken?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationRefreshTokenArgs, 'refreshToken'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  signup?: Resolver<ResolversTypes['AuthPayload'], ParentType, ContextType, RequireFields<MutationSignupArgs, 'input'>>;
  updateProfile?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
}>;

export type NotificationSettingsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationSettings'] = ResolversParentTypes['NotificationSettings']> = ResolversObject<{
  email?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  inApp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  push?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  me?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'id'>>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  bio?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hemisphere?: Resolver<ResolversTypes['Hemisphere'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lastLoginAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  notificationSettings?: Resolver<Maybe<ResolversTypes['NotificationSettings']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  username?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = Context> = ResolversObject<{
  ApiKey?: ApiKeyResolvers<ContextType>;
  AuthPayload?: AuthPayloadResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FieldSet?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  NotificationSettings?: NotificationSettingsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  inaccessible?: InaccessibleDirectiveResolver<any, any, ContextType>;
  interfaceObject?: InterfaceObjectDirectiveResolver<any, any, ContextType>;
  link?: LinkDirectiveResolver<any, any, ContextType>;
  override?: OverrideDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
  tag?: TagDirectiveResolver<any, any, ContextType>;
}>;
