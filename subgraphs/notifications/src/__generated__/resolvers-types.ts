import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserRef, UserPlantRef, NotificationModel, DeliveryAttemptModel, PreferencesModel } from '../mappers.js';
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

/** Outcome of one delivery attempt. */
export type DeliveryOutcome =
  /** The channel refused it or could not be reached. */
  | 'FAILED'
  /** The channel accepted it. */
  | 'SUCCEEDED';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Cancels a scheduled notification (repeating it changes nothing). Already sent, or being delivered right now:
   * CONFLICT. A cancelled watering reminder is not planned again until the plant's schedule changes.
   */
  cancelNotification: Notification;
  /** Dismisses a delivered notification (repeating it changes nothing). Not delivered: CONFLICT. */
  dismissNotification: Notification;
  /** Records what you did about a delivered notification (e.g. WATERED). Already acted on, or not delivered: CONFLICT. */
  markNotificationActed: Notification;
  /** Marks a delivered notification opened (repeating it changes nothing). Not yet sent, or already acted/dismissed: CONFLICT. */
  markNotificationOpened: Notification;
  /** Holds every notification until `until` (vacation); reminders are re-timed to after it. Must be in the future, within a year. */
  pauseNotifications: NotificationPreferences;
  /** Ends a pause now; held notifications go out. */
  resumeNotifications: NotificationPreferences;
  /** Schedules a notification to yourself at a future time. */
  scheduleNotification: Notification;
  /**
   * Sends a SYSTEM test notification now through the given channels (default: all available), to check they work.
   * Refused with CONFLICT while paused or with notifications turned off; at most 5 a minute (RATE_LIMITED).
   */
  sendTestNotification: Notification;
  /** Changes your preferences; pending reminders are re-timed to match. */
  updateNotificationPreferences: NotificationPreferences;
};


export type MutationCancelNotificationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDismissNotificationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkNotificationActedArgs = {
  action: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationMarkNotificationOpenedArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPauseNotificationsArgs = {
  until: Scalars['DateTime']['input'];
};


export type MutationScheduleNotificationArgs = {
  input: ScheduleNotificationInput;
};


export type MutationSendTestNotificationArgs = {
  channels?: InputMaybe<Array<NotificationChannel>>;
};


export type MutationUpdateNotificationPreferencesArgs = {
  input: NotificationPreferencesInput;
};

/**
 * A message to one user: a watering reminder, a digest of several, a care tip or a system message. Only its recipient
 * can see or change it; for anyone else it does not exist (NOT_FOUND).
 */
export type Notification = {
  __typename?: 'Notification';
  /** When you acted on it, if you did. */
  actedAt: Maybe<Scalars['DateTime']['output']>;
  /** What you did about it (e.g. WATERED), recorded by markNotificationActed. */
  action: Maybe<Scalars['String']['output']>;
  /** The message itself. */
  body: Scalars['String']['output'];
  /** When it was cancelled, if it was. */
  cancelledAt: Maybe<Scalars['DateTime']['output']>;
  /** Channels it is (or was) delivered through. */
  channels: Array<NotificationChannel>;
  /** Every delivery attempt, oldest first: channel, outcome and, for webhooks, the HTTP status. */
  deliveryAttempts: Array<NotificationDeliveryAttempt>;
  /** When you dismissed it, if you did. */
  dismissedAt: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** When you opened it, if you did. */
  openedAt: Maybe<Scalars['DateTime']['output']>;
  /** 1 (low) to 10 (urgent). */
  priority: Scalars['Int']['output'];
  /** The user it is for. */
  recipient: User;
  /** When it is (or was) due to go out. Reminders are moved here when the plant's schedule or your preferences change. */
  scheduledFor: Scalars['DateTime']['output'];
  /** When it was first delivered, if it was. */
  sentAt: Maybe<Scalars['DateTime']['output']>;
  /** Where it is in its lifecycle. Moves only as NotificationStatus describes. */
  status: NotificationStatus;
  /** Short headline, at most 255 characters. */
  title: Scalars['String']['output'];
  /** What the notification is about. */
  type: NotificationType;
  /** True when delivered and not yet opened, acted on or dismissed. */
  unread: Scalars['Boolean']['output'];
  /** The plant it is about; null for digests (see userPlants) and notifications about no plant. */
  userPlant: Maybe<UserPlant>;
  /** Every plant it is about: one for a reminder, several for a digest, none for a tip or system message. */
  userPlants: Array<UserPlant>;
};

/** Counts and rates over a period. */
export type NotificationAnalytics = {
  __typename?: 'NotificationAnalytics';
  /** Delivered ones that were acted on, 0–1 (0 when none was delivered). */
  actionRate: Scalars['Float']['output'];
  /** How many were delivered through each channel (channels with none are left out). */
  byChannel: Array<NotificationChannelCount>;
  /** How many are in each status (statuses with none are left out). */
  byStatus: Array<NotificationStatusCount>;
  /** How many of each type (types with none are left out). */
  byType: Array<NotificationTypeCount>;
  /** Delivered ones that were opened or acted on, 0–1 (0 when none was delivered). */
  openRate: Scalars['Float']['output'];
  /** The period, in days, ending now. */
  periodDays: Scalars['Int']['output'];
  /** Start of the period. */
  since: Scalars['DateTime']['output'];
  /** Notifications scheduled in the period. */
  total: Scalars['Int']['output'];
};

/** How a notification reaches its recipient. Only channels that really deliver are offered. */
export type NotificationChannel =
  /** Stored in Bloomzy and pushed live to the `notificationReceived` subscription. */
  | 'IN_APP'
  /**
   * An HTTP POST of the notification as JSON to your webhook URL, signed with your secret:
   * `X-Bloomzy-Signature: sha256=<hex HMAC-SHA256 of "<X-Bloomzy-Timestamp>.<body>">`. Retried with backoff on failure;
   * `X-Bloomzy-Delivery` (the notification id) lets you ignore repeats.
   */
  | 'WEBHOOK';

/** A count per channel. */
export type NotificationChannelCount = {
  __typename?: 'NotificationChannelCount';
  /** The channel. */
  channel: NotificationChannel;
  /** How many. */
  count: Scalars['Int']['output'];
};

/** A page of your notifications, newest (latest scheduledFor) first. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** The notifications of this page. */
  edges: Array<NotificationEdge>;
  /** Where this page is. */
  pageInfo: PageInfo;
  /** How many notifications match the filter, on all pages. */
  totalCount: Scalars['Int']['output'];
  /** How many of the matching notifications are unread, on all pages. */
  unreadCount: Scalars['Int']['output'];
};

/** One attempt to deliver a notification through one channel. */
export type NotificationDeliveryAttempt = {
  __typename?: 'NotificationDeliveryAttempt';
  /** 1 for the first attempt, counting up with each retry. */
  attempt: Scalars['Int']['output'];
  /** The channel tried. */
  channel: NotificationChannel;
  /** Why it failed, when it did. */
  error: Maybe<Scalars['String']['output']>;
  /** When it finished. */
  finishedAt: Scalars['DateTime']['output'];
  /** The webhook's HTTP status, when it answered. */
  httpStatus: Maybe<Scalars['Int']['output']>;
  /** Whether it worked. */
  outcome: DeliveryOutcome;
  /** When the attempt started. */
  startedAt: Scalars['DateTime']['output'];
};

/** One notification in a page. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** Opaque position, for `after`. */
  cursor: Scalars['String']['output'];
  /** The notification. */
  node: Notification;
};

/** Which notifications to list; all given conditions must hold. */
export type NotificationFilter = {
  /** Only these statuses. */
  status?: InputMaybe<Array<NotificationStatus>>;
  /** Only these types. */
  type?: InputMaybe<Array<NotificationType>>;
  /** true: only unread ones (delivered, not yet opened, acted on or dismissed); false: only the others. */
  unread?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Your notification preferences. */
export type NotificationPreferences = {
  __typename?: 'NotificationPreferences';
  /** Channels you can choose now: IN_APP, plus WEBHOOK once a webhook is set up. */
  availableChannels: Array<NotificationChannel>;
  /** When several plants are due together, one digest lists them instead of one reminder each. */
  digestEnabled: Scalars['Boolean']['output'];
  /** Nothing is delivered before this instant (vacation); null when not paused. */
  pausedUntil: Maybe<Scalars['DateTime']['output']>;
  /** Daily local range in which nothing is sent; null when none. */
  quietHours: Maybe<NotificationQuietHours>;
  /** The IANA timezone reminders are timed in (from your profile). */
  timezone: Scalars['String']['output'];
  /** One entry per notification type, defaults included. */
  types: Array<NotificationTypePreference>;
  /** Where WEBHOOK notifications are posted; null when no webhook is set up. */
  webhookUrl: Maybe<Scalars['String']['output']>;
};

/** Preference changes; omitted fields stay as they are, null clears an optional one. */
export type NotificationPreferencesInput = {
  /** Digest on or off. */
  digestEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** New quiet hours; null removes them. */
  quietHours?: InputMaybe<NotificationQuietHoursInput>;
  /** Per-type changes; each type at most once. */
  types?: InputMaybe<Array<NotificationTypePreferenceInput>>;
  /** Signing secret, 16–256 characters; required when setting up a webhook, optional when only changing its URL. */
  webhookSecret?: InputMaybe<Scalars['String']['input']>;
  /**
   * Webhook URL (http or https; https outside development, and never a private or loopback address in production).
   * null removes the webhook (refused while a type still uses the WEBHOOK channel).
   */
  webhookUrl?: InputMaybe<Scalars['String']['input']>;
};

/** A daily local time range, `start` inclusive, `end` exclusive; start after end crosses midnight (22:00–07:00). */
export type NotificationQuietHours = {
  __typename?: 'NotificationQuietHours';
  /** Local end, HH:MM. */
  end: Scalars['String']['output'];
  /** Local start, HH:MM. */
  start: Scalars['String']['output'];
};

/** A daily local quiet range. */
export type NotificationQuietHoursInput = {
  /** Local end, HH:MM; equal to start means no quiet hours. */
  end: Scalars['String']['input'];
  /** Local start, HH:MM (00:00–23:59). */
  start: Scalars['String']['input'];
};

/**
 * Lifecycle of a notification. Allowed moves: SCHEDULED → SENT | CANCELLED | FAILED (sending and failing are done by
 * Bloomzy); SENT → OPENED | ACTED | DISMISSED; OPENED → ACTED | DISMISSED; ACTED → DISMISSED. Any other move is refused
 * with CONFLICT and changes nothing.
 */
export type NotificationStatus =
  /** The recipient did what it asked (see action). */
  | 'ACTED'
  /** Cancelled before it went out (by the recipient, or because the plant's schedule changed). */
  | 'CANCELLED'
  /** Dismissed by the recipient. */
  | 'DISMISSED'
  /** No channel could deliver it. */
  | 'FAILED'
  /** Opened by the recipient. */
  | 'OPENED'
  /** Waiting for its time (or, after a failed webhook attempt, for its retry). */
  | 'SCHEDULED'
  /** Delivered, not yet opened. */
  | 'SENT';

/** A count per status. */
export type NotificationStatusCount = {
  __typename?: 'NotificationStatusCount';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The status. */
  status: NotificationStatus;
};

/** What a notification is about. */
export type NotificationType =
  /** A care tip. */
  | 'CARE_TIP'
  /** A plant is due for fertilizer. */
  | 'FERTILIZING_REMINDER'
  /** A plant reached a growth milestone. */
  | 'GROWTH_MILESTONE'
  /** Time to check a plant's health. */
  | 'HEALTH_CHECK'
  /** A plant is due for a bigger pot. */
  | 'REPOTTING_REMINDER'
  /** A message from Bloomzy itself, including test notifications. */
  | 'SYSTEM'
  /** A plant is due for water (one plant, or a digest of several due together). */
  | 'WATERING_REMINDER';

/** A count per type. */
export type NotificationTypeCount = {
  __typename?: 'NotificationTypeCount';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The type. */
  type: NotificationType;
};

/** Preferences for one notification type. */
export type NotificationTypePreference = {
  __typename?: 'NotificationTypePreference';
  /** Channels they are delivered through. */
  channels: Array<NotificationChannel>;
  /** Whether notifications of this type are sent at all. */
  enabled: Scalars['Boolean']['output'];
  /** Local hour (0–23) reminders of this type go out on their due day. */
  preferredHour: Scalars['Int']['output'];
  /** The type. */
  type: NotificationType;
};

/** Changes for one notification type; omitted fields stay as they are. */
export type NotificationTypePreferenceInput = {
  /** At least one channel; WEBHOOK needs a webhook URL. */
  channels?: InputMaybe<Array<NotificationChannel>>;
  /** Send notifications of this type at all. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** Local hour 0–23. */
  preferredHour?: InputMaybe<Scalars['Int']['input']>;
  /** The type. */
  type: NotificationType;
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of the page; pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether a further page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether this page was requested after a cursor (there are items before it). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of the page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /** One of your notifications; someone else's (or an unknown id) gives NOT_FOUND. */
  notification: Maybe<Notification>;
  /** Totals, counts by status, type and channel, and open/action rates over the last `periodDays` days. */
  notificationAnalytics: NotificationAnalytics;
  /** Your notification preferences (defaults until you change them). */
  notificationPreferences: NotificationPreferences;
  /** Your notifications, newest first. Needs notifications:read with an API key. */
  notifications: NotificationConnection;
};


export type QueryNotificationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNotificationAnalyticsArgs = {
  periodDays?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NotificationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A notification you schedule yourself. */
export type ScheduleNotificationInput = {
  /** At most 2000 characters. */
  body: Scalars['String']['input'];
  /** Channels (default: the type's channels from your preferences). */
  channels?: InputMaybe<Array<NotificationChannel>>;
  /** 1–10 (default 5). */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** When to send it; must be in the future. */
  scheduledFor: Scalars['DateTime']['input'];
  /** 1–255 characters. */
  title: Scalars['String']['input'];
  /** What it is about; the type must be enabled in your preferences. */
  type: NotificationType;
  /** The plant it is about, if any. */
  userPlantId?: InputMaybe<Scalars['ID']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Your notifications, live, as they are delivered in-app. Over graphql-ws on /graphql, authenticated by
   * `connectionParams.authorization` ("Bearer <token>"); needs notifications:read with an API key.
   */
  notificationReceived: Notification;
};

/** A Bloomzy account, owned by the auth subgraph. The notifications subgraph adds the unread count. */
export type User = {
  __typename?: 'User';
  /** Stable identifier (from the auth subgraph). */
  id: Scalars['ID']['output'];
  /**
   * Notifications delivered to the user and not yet opened, acted on or dismissed. Only the user themself sees it
   * (null for anyone else); needs the notifications:read scope when called with an API key.
   */
  unreadNotificationCount: Maybe<Scalars['Int']['output']>;
};

/** A plant in a user's collection, owned and resolved by the plants subgraph. */
export type UserPlant = {
  __typename?: 'UserPlant';
  /** Stable identifier (from the plants subgraph). */
  id: Scalars['ID']['output'];
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
  Notification: Notification;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Notification:
    ( { __typename: 'Notification' }
    & GraphQLRecursivePick<FederationTypes['Notification'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeliveryOutcome: DeliveryOutcome;
  FieldSet: ResolverTypeWrapper<Scalars['FieldSet']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Notification: ResolverTypeWrapper<NotificationModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  NotificationAnalytics: ResolverTypeWrapper<NotificationAnalytics>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  NotificationChannel: NotificationChannel;
  NotificationChannelCount: ResolverTypeWrapper<NotificationChannelCount>;
  NotificationConnection: ResolverTypeWrapper<Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversTypes['NotificationEdge']> }>;
  NotificationDeliveryAttempt: ResolverTypeWrapper<DeliveryAttemptModel>;
  NotificationEdge: ResolverTypeWrapper<Omit<NotificationEdge, 'node'> & { node: ResolversTypes['Notification'] }>;
  NotificationFilter: NotificationFilter;
  NotificationPreferences: ResolverTypeWrapper<PreferencesModel>;
  NotificationPreferencesInput: NotificationPreferencesInput;
  NotificationQuietHours: ResolverTypeWrapper<NotificationQuietHours>;
  NotificationQuietHoursInput: NotificationQuietHoursInput;
  NotificationStatus: NotificationStatus;
  NotificationStatusCount: ResolverTypeWrapper<NotificationStatusCount>;
  NotificationType: NotificationType;
  NotificationTypeCount: ResolverTypeWrapper<NotificationTypeCount>;
  NotificationTypePreference: ResolverTypeWrapper<NotificationTypePreference>;
  NotificationTypePreferenceInput: NotificationTypePreferenceInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ScheduleNotificationInput: ScheduleNotificationInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserRef>;
  UserPlant: ResolverTypeWrapper<UserPlantRef>;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  FieldSet: Scalars['FieldSet']['output'];
  Mutation: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  Notification: NotificationModel;
  Int: Scalars['Int']['output'];
  NotificationAnalytics: NotificationAnalytics;
  Float: Scalars['Float']['output'];
  NotificationChannelCount: NotificationChannelCount;
  NotificationConnection: Omit<NotificationConnection, 'edges'> & { edges: Array<ResolversParentTypes['NotificationEdge']> };
  NotificationDeliveryAttempt: DeliveryAttemptModel;
  NotificationEdge: Omit<NotificationEdge, 'node'> & { node: ResolversParentTypes['Notification'] };
  NotificationFilter: NotificationFilter;
  NotificationPreferences: PreferencesModel;
  NotificationPreferencesInput: NotificationPreferencesInput;
  NotificationQuietHours: NotificationQuietHours;
  NotificationQuietHoursInput: NotificationQuietHoursInput;
  NotificationStatusCount: NotificationStatusCount;
  NotificationTypeCount: NotificationTypeCount;
  NotificationTypePreference: NotificationTypePreference;
  NotificationTypePreferenceInput: NotificationTypePreferenceInput;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  ScheduleNotificationInput: ScheduleNotificationInput;
  Subscription: Record<PropertyKey, never>;
  User: UserRef;
  UserPlant: UserPlantRef;
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

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['FieldSet'], any> {
  name: 'FieldSet';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelNotification?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, RequireFields<MutationCancelNotificationArgs, 'id'>>;
  dismissNotification?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, RequireFields<MutationDismissNotificationArgs, 'id'>>;
  markNotificationActed?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, RequireFields<MutationMarkNotificationActedArgs, 'action' | 'id'>>;
  markNotificationOpened?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, RequireFields<MutationMarkNotificationOpenedArgs, 'id'>>;
  pauseNotifications?: Resolver<ResolversTypes['NotificationPreferences'], ParentType, ContextType, RequireFields<MutationPauseNotificationsArgs, 'until'>>;
  resumeNotifications?: Resolver<ResolversTypes['NotificationPreferences'], ParentType, ContextType>;
  scheduleNotification?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, RequireFields<MutationScheduleNotificationArgs, 'input'>>;
  sendTestNotification?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, Partial<MutationSendTestNotificationArgs>>;
  updateNotificationPreferences?: Resolver<ResolversTypes['NotificationPreferences'], ParentType, ContextType, RequireFields<MutationUpdateNotificationPreferencesArgs, 'input'>>;
}>;

export type NotificationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification'], FederationReferenceType extends FederationReferenceTypes['Notification'] = FederationReferenceTypes['Notification']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Notification']> | FederationReferenceType, FederationReferenceType, ContextType>;
  actedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  action?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  channels?: Resolver<Array<ResolversTypes['NotificationChannel']>, ParentType, ContextType>;
  deliveryAttempts?: Resolver<Array<ResolversTypes['NotificationDeliveryAttempt']>, ParentType, ContextType>;
  dismissedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  recipient?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  scheduledFor?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sentAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NotificationStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['NotificationType'], ParentType, ContextType>;
  unread?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userPlant?: Resolver<Maybe<ResolversTypes['UserPlant']>, ParentType, ContextType>;
  userPlants?: Resolver<Array<ResolversTypes['UserPlant']>, ParentType, ContextType>;
}>;

export type NotificationAnalyticsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationAnalytics'] = ResolversParentTypes['NotificationAnalytics']> = ResolversObject<{
  actionRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  byChannel?: Resolver<Array<ResolversTypes['NotificationChannelCount']>, ParentType, ContextType>;
  byStatus?: Resolver<Array<ResolversTypes['NotificationStatusCount']>, ParentType, ContextType>;
  byType?: Resolver<Array<ResolversTypes['NotificationTypeCount']>, ParentType, ContextType>;
  openRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  periodDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type NotificationChannelCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationChannelCount'] = ResolversParentTypes['NotificationChannelCount']> = ResolversObject<{
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type NotificationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['NotificationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type NotificationDeliveryAttemptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationDeliveryAttempt'] = ResolversParentTypes['NotificationDeliveryAttempt']> = ResolversObject<{
  attempt?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['NotificationChannel'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  httpStatus?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['DeliveryOutcome'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type NotificationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationEdge'] = ResolversParentTypes['NotificationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Notification'], ParentType, ContextType>;
}>;

export type NotificationPreferencesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationPreferences'] = ResolversParentTypes['NotificationPreferences']> = ResolversObject<{
  availableChannels?: Resolver<Array<ResolversTypes['NotificationChannel']>, ParentType, ContextType>;
  digestEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pausedUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  quietHours?: Resolver<Maybe<ResolversTypes['NotificationQuietHours']>, ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  types?: Resolver<Array<ResolversTypes['NotificationTypePreference']>, ParentType, ContextType>;
  webhookUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type NotificationQuietHoursResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationQuietHours'] = ResolversParentTypes['NotificationQuietHours']> = ResolversObject<{
  end?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type NotificationStatusCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationStatusCount'] = ResolversParentTypes['NotificationStatusCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NotificationStatus'], ParentType, ContextType>;
}>;

export type NotificationTypeCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationTypeCount'] = ResolversParentTypes['NotificationTypeCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['NotificationType'], ParentType, ContextType>;
}>;

export type NotificationTypePreferenceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationTypePreference'] = ResolversParentTypes['NotificationTypePreference']> = ResolversObject<{
  channels?: Resolver<Array<ResolversTypes['NotificationChannel']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  preferredHour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['NotificationType'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  notification?: Resolver<Maybe<ResolversTypes['Notification']>, ParentType, ContextType, RequireFields<QueryNotificationArgs, 'id'>>;
  notificationAnalytics?: Resolver<ResolversTypes['NotificationAnalytics'], ParentType, ContextType, RequireFields<QueryNotificationAnalyticsArgs, 'periodDays'>>;
  notificationPreferences?: Resolver<ResolversTypes['NotificationPreferences'], ParentType, ContextType>;
  notifications?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryNotificationsArgs, 'first'>>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  notificationReceived?: SubscriptionResolver<ResolversTypes['Notification'], "notificationReceived", ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unreadNotificationCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type UserPlantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserPlant'] = ResolversParentTypes['UserPlant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = Context> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  FieldSet?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationAnalytics?: NotificationAnalyticsResolvers<ContextType>;
  NotificationChannelCount?: NotificationChannelCountResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationDeliveryAttempt?: NotificationDeliveryAttemptResolvers<ContextType>;
  NotificationEdge?: NotificationEdgeResolvers<ContextType>;
  NotificationPreferences?: NotificationPreferencesResolvers<ContextType>;
  NotificationQuietHours?: NotificationQuietHoursResolvers<ContextType>;
  NotificationStatusCount?: NotificationStatusCountResolvers<ContextType>;
  NotificationTypeCount?: NotificationTypeCountResolvers<ContextType>;
  NotificationTypePreference?: NotificationTypePreferenceResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserPlant?: UserPlantResolvers<ContextType>;
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
