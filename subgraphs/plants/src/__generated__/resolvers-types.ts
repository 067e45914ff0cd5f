import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { UserModel, IndoorPlantModel, IndoorPlantConnectionModel, UserPlantModel, UserPlantConnectionModel, WateringStatusModel, WateringModel, GrowthEntryModel } from '../mappers.js';
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

/** A plant to add to your collection. */
export type AddUserPlantInput = {
  /** When you got it; not in the future. */
  acquiredOn?: InputMaybe<Scalars['DateTime']['input']>;
  /** Your own interval, 1–60 days; replaces the computed one. */
  customWateringIntervalDays?: InputMaybe<Scalars['Int']['input']>;
  /** How it is doing (default HEALTHY). */
  healthStatus?: InputMaybe<HealthStatus>;
  /** Light at its spot. */
  lightExposure?: InputMaybe<LightExposure>;
  /** Room or spot, at most 100 characters. */
  location?: InputMaybe<Scalars['String']['input']>;
  /** Your name for it, 1–100 characters; defaults to the species' first common name. */
  nickname?: InputMaybe<Scalars['String']['input']>;
  /** Free notes, at most 2000 characters. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** A photo: an http or https URL, at most 2048 characters. */
  photoUrl?: InputMaybe<Scalars['String']['input']>;
  /** The species (an IndoorPlant id). */
  plantId: Scalars['ID']['input'];
  /** Pot material. */
  potMaterial?: InputMaybe<PotMaterial>;
  /** Pot size. */
  potSize?: InputMaybe<PotSize>;
  /** Average room temperature at its spot, −10–50 °C. */
  roomTemperatureC?: InputMaybe<Scalars['Float']['input']>;
  /** Substrate. */
  soil?: InputMaybe<SoilType>;
};

/** A new species. */
export type CreateIndoorPlantInput = {
  /** Typical indoor size, at most 200 characters. */
  adultSize: Scalars['String']['input'];
  /** Air purifying. */
  airPurifying: Scalars['Boolean']['input'];
  /** Typical days between waterings in spring, 1–60. */
  baseWateringIntervalDays: Scalars['Int']['input'];
  /** Care advice, at most 2000 characters. */
  careNotes: Scalars['String']['input'];
  /** 1–20 common names, each 1–100 characters. */
  commonNames: Array<Scalars['String']['input']>;
  /** How much experience it asks for. */
  difficulty: Difficulty;
  /** Botanical family, 1–100 characters. */
  family: Scalars['String']['input'];
  /** Flowers indoors. */
  flowering: Scalars['Boolean']['input'];
  /** How fast it grows. */
  growthRate: GrowthRate;
  /** Air humidity it prefers. */
  humidityNeed: HumidityNeed;
  /** Light it needs. */
  lightNeed: LightExposure;
  /** Highest tolerated temperature, −10–50 °C, not below the minimum. */
  maxTemperatureC: Scalars['Float']['input'];
  /** Lowest tolerated temperature, −10–50 °C. */
  minTemperatureC: Scalars['Float']['input'];
  /** Native range, at most 200 characters. */
  origin: Scalars['String']['input'];
  /** Accepted botanical name, 3–200 characters, unique (case-insensitive). */
  scientificName: Scalars['String']['input'];
  /** Recommended substrate, at most 200 characters. */
  soil: Scalars['String']['input'];
  /** Harmful to people. */
  toxicToHumans: Scalars['Boolean']['input'];
  /** Poisonous to cats or dogs. */
  toxicToPets: Scalars['Boolean']['input'];
};

/** How much experience a species asks of its keeper. */
export type Difficulty =
  /** Forgiving; fine for beginners. */
  | 'EASY'
  /** Demanding; for experienced keepers. */
  | 'HARD'
  /** Needs some attention to light, watering or humidity. */
  | 'MODERATE';

/** One entry in a plant's growth journal. */
export type GrowthEntry = {
  __typename?: 'GrowthEntry';
  /** When the entry was logged. */
  createdAt: Scalars['DateTime']['output'];
  /** Height in cm (0–1000). */
  heightCm: Maybe<Scalars['Float']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Number of leaves (0–10000). */
  leafCount: Maybe<Scalars['Int']['output']>;
  /** Free notes. */
  notes: Maybe<Scalars['String']['output']>;
  /** A photo (http or https URL). */
  photoUrl: Maybe<Scalars['String']['output']>;
  /** When it was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** Photo, measurement or observation. */
  type: GrowthEntryType;
  /** The plant it describes. */
  userPlant: UserPlant;
  /** Width in cm (0–1000). */
  widthCm: Maybe<Scalars['Float']['output']>;
};

/** A page of a growth journal, newest first. */
export type GrowthEntryConnection = {
  __typename?: 'GrowthEntryConnection';
  /** The entries of this page. */
  edges: Array<GrowthEntryEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** An edge of a growth journal. */
export type GrowthEntryEdge = {
  __typename?: 'GrowthEntryEdge';
  /** Opaque position of this entry in the journal. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: GrowthEntry;
};

/** Kind of growth journal entry. */
export type GrowthEntryType =
  /** A measurement (at least one of height, width, leaf count required). */
  | 'MEASUREMENT'
  /** A written observation (notes required). */
  | 'OBSERVATION'
  /** A photo (photoUrl required). */
  | 'PHOTO';

/** How fast a species grows indoors. */
export type GrowthRate =
  /** Visible growth every week or two in the growing season. */
  | 'FAST'
  /** Steady growth in the growing season. */
  | 'MODERATE'
  /** A few new leaves a year. */
  | 'SLOW';

/** The journal in figures. */
export type GrowthSummary = {
  __typename?: 'GrowthSummary';
  /** How many journal entries the plant has. */
  entryCount: Scalars['Int']['output'];
  /** The earliest entry's time. */
  firstRecordedAt: Maybe<Scalars['DateTime']['output']>;
  /** Height trend; null without height measurements. */
  height: Maybe<MeasurementTrend>;
  /** The latest entry's time. */
  lastRecordedAt: Maybe<Scalars['DateTime']['output']>;
  /** Leaf-count trend; null without leaf counts. */
  leafCount: Maybe<MeasurementTrend>;
  /** Width trend; null without width measurements. */
  width: Maybe<MeasurementTrend>;
};

/** How a plant is doing, as its owner sees it. */
export type HealthStatus =
  /** Resting (winter dormancy). */
  | 'DORMANT'
  /** Fine. */
  | 'HEALTHY'
  /** Pests or disease. */
  | 'SICK'
  /** Showing stress (yellow leaves, drooping...). */
  | 'STRUGGLING'
  /** Growing vigorously. */
  | 'THRIVING';

/** Air humidity a species prefers. */
export type HumidityNeed =
  /** Humid air (above 60 %): bathroom, pebble tray or humidifier. */
  | 'HIGH'
  /** Dry indoor air is fine (below ~40 %). */
  | 'LOW'
  /** Ordinary room humidity (40–60 %). */
  | 'MEDIUM';

/** A species in the catalog, with its care data. */
export type IndoorPlant = {
  __typename?: 'IndoorPlant';
  /** Typical size when grown indoors. */
  adultSize: Scalars['String']['output'];
  /** Listed in the NASA Clean Air Study or its follow-ups. */
  airPurifying: Scalars['Boolean']['output'];
  /** Typical days between waterings indoors in spring, in a medium plastic pot, medium light, 16–24 °C. */
  baseWateringIntervalDays: Scalars['Int']['output'];
  /** Short care advice. */
  careNotes: Scalars['String']['output'];
  /** Common names, the most usual first; older botanical names are listed here too, so they stay searchable. */
  commonNames: Array<Scalars['String']['output']>;
  /** When the species was added to the catalog. */
  createdAt: Scalars['DateTime']['output'];
  /** How much experience it asks for. */
  difficulty: Difficulty;
  /** Botanical family (e.g. Araceae). */
  family: Scalars['String']['output'];
  /** Flowers reliably indoors. */
  flowering: Scalars['Boolean']['output'];
  /** How fast it grows. */
  growthRate: GrowthRate;
  /** Air humidity it prefers. */
  humidityNeed: HumidityNeed;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Light it needs. */
  lightNeed: LightExposure;
  /** Highest temperature it tolerates, °C. */
  maxTemperatureC: Scalars['Float']['output'];
  /** Lowest temperature it tolerates, °C. */
  minTemperatureC: Scalars['Float']['output'];
  /** Native range. */
  origin: Scalars['String']['output'];
  /** Accepted botanical name, unique in the catalog (e.g. Monstera deliciosa). */
  scientificName: Scalars['String']['output'];
  /** Recommended substrate. */
  soil: Scalars['String']['output'];
  /** Harmful to people if eaten, or its sap irritates. */
  toxicToHumans: Scalars['Boolean']['output'];
  /** Poisonous to cats or dogs (ASPCA lists). */
  toxicToPets: Scalars['Boolean']['output'];
  /** When the species was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of the catalog, ordered by scientific name. */
export type IndoorPlantConnection = {
  __typename?: 'IndoorPlantConnection';
  /** The species of this page. */
  edges: Array<IndoorPlantEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many species match the filter in total. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of the catalog connection. */
export type IndoorPlantEdge = {
  __typename?: 'IndoorPlantEdge';
  /** Opaque position of this species in the list. */
  cursor: Scalars['String']['output'];
  /** The species. */
  node: IndoorPlant;
};

/** Catalog filters; all given ones must match. */
export type IndoorPlantFilter = {
  /** Exact difficulty. */
  difficulty?: InputMaybe<Difficulty>;
  /** Botanical family, case-insensitive (e.g. araceae). */
  family?: InputMaybe<Scalars['String']['input']>;
  /** Exact light need. */
  light?: InputMaybe<LightExposure>;
  /** true: only species not toxic to pets; false: only toxic ones. */
  petSafe?: InputMaybe<Scalars['Boolean']['input']>;
  /** Part of the scientific name or a common name, case-insensitive. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** Light level, for a species' need and for a plant's spot. */
export type LightExposure =
  /** Bright, but out of the sun's direct rays. */
  | 'BRIGHT_INDIRECT'
  /** Direct sun for several hours a day. */
  | 'DIRECT'
  /** Far from windows or north-facing; readable but dim. */
  | 'LOW'
  /** A few metres from a bright window. */
  | 'MEDIUM';

/** First and latest value of one measurement and the growth between them. */
export type MeasurementTrend = {
  __typename?: 'MeasurementTrend';
  /** last − first. */
  change: Scalars['Float']['output'];
  /** The earliest value. */
  first: Scalars['Float']['output'];
  /** When the earliest value was recorded. */
  firstRecordedAt: Scalars['DateTime']['output'];
  /** The latest value. */
  last: Scalars['Float']['output'];
  /** When the latest value was recorded. */
  lastRecordedAt: Scalars['DateTime']['output'];
  /** How many entries carry this measurement. */
  measurements: Scalars['Int']['output'];
  /** Change per 30 days between the first and latest record; null when they are less than a day apart. */
  perMonth: Maybe<Scalars['Float']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a plant to your collection (at most 500 active plants). */
  addUserPlant: UserPlant;
  /** Archives one of your plants: it leaves the collection and its reminders stop, its history is kept. Idempotent. */
  archiveUserPlant: UserPlant;
  /** Adds a species. Admins only (FORBIDDEN otherwise); a scientific name already in the catalog gives CONFLICT. */
  createIndoorPlant: IndoorPlant;
  /** Deletes a growth journal entry of one of your plants; returns the plant. */
  deleteGrowthEntry: UserPlant;
  /** Deletes a species and returns its id. Admins only; a species that is in any collection (even archived) gives CONFLICT. */
  deleteIndoorPlant: Scalars['ID']['output'];
  /** Deletes a logged watering of one of your plants; returns the plant with its schedule recomputed. */
  deleteWatering: UserPlant;
  /** Records a growth journal entry for one of your plants (an archived one gives CONFLICT). */
  recordGrowth: GrowthEntry;
  /**
   * Postpones the next watering of one of your plants by 1–30 days, counted from the current due date (or from now
   * when the plant is already due), without changing its interval. Snoozes add up; the next watering ends them. An
   * archived plant gives CONFLICT.
   */
  snoozeWatering: UserPlant;
  /** Corrects a growth journal entry of one of your plants. */
  updateGrowthEntry: GrowthEntry;
  /** Changes a species. Admins only; renaming to a name already in the catalog gives CONFLICT. */
  updateIndoorPlant: IndoorPlant;
  /** Changes one of your plants. */
  updateUserPlant: UserPlant;
  /** Corrects a logged watering of one of your plants. */
  updateWatering: Watering;
  /** Logs a watering of one of your plants (an archived one gives CONFLICT); ends any snooze. */
  waterPlant: Watering;
  /**
   * Waters several of your plants at once (a whole room): 1–100 ids, all or nothing — an id that is not one of your
   * plants gives NOT_FOUND, an archived one CONFLICT, and then nothing is logged. Ends their snoozes.
   */
  waterPlants: Array<Watering>;
};


export type MutationAddUserPlantArgs = {
  input: AddUserPlantInput;
};


export type MutationArchiveUserPlantArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateIndoorPlantArgs = {
  input: CreateIndoorPlantInput;
};


export type MutationDeleteGrowthEntryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteIndoorPlantArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteWateringArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecordGrowthArgs = {
  input: RecordGrowthInput;
};


export type MutationSnoozeWateringArgs = {
  days: Scalars['Int']['input'];
  userPlantId: Scalars['ID']['input'];
};


export type MutationUpdateGrowthEntryArgs = {
  id: Scalars['ID']['input'];
  input: UpdateGrowthEntryInput;
};


export type MutationUpdateIndoorPlantArgs = {
  id: Scalars['ID']['input'];
  input: UpdateIndoorPlantInput;
};


export type MutationUpdateUserPlantArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserPlantInput;
};


export type MutationUpdateWateringArgs = {
  id: Scalars['ID']['input'];
  input: UpdateWateringInput;
};


export type MutationWaterPlantArgs = {
  input: WaterPlantInput;
};


export type MutationWaterPlantsArgs = {
  userPlantIds: Array<Scalars['ID']['input']>;
  wateredAt?: InputMaybe<Scalars['DateTime']['input']>;
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

/** What the pot is made of (porous pots dry faster). */
export type PotMaterial =
  /** Glazed ceramic: sealed walls. */
  | 'CERAMIC_GLAZED'
  /** Fabric grow bag: breathes through the sides. */
  | 'FABRIC'
  /** Glass: sealed, usually without drainage. */
  | 'GLASS'
  /** Metal: non-porous. */
  | 'METAL'
  /** Anything else. */
  | 'OTHER'
  /** Plastic: non-porous. */
  | 'PLASTIC'
  /** Unglazed clay: porous, dries fast. */
  | 'TERRACOTTA';

/** Inner pot diameter. */
export type PotSize =
  /** 20–30 cm. */
  | 'LARGE'
  /** 12–20 cm. */
  | 'MEDIUM'
  /** Under 12 cm. */
  | 'SMALL'
  /** Over 30 cm. */
  | 'XLARGE';

export type Query = {
  __typename?: 'Query';
  /** One species, or null when the id is unknown. Public. */
  indoorPlant: Maybe<IndoorPlant>;
  /** The species catalog, by scientific name. Public. */
  indoorPlants: IndoorPlantConnection;
  /** One of your plants (admins: anyone's), or null when it does not exist or is someone else's. */
  userPlant: Maybe<UserPlant>;
};


export type QueryIndoorPlantArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIndoorPlantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IndoorPlantFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryUserPlantArgs = {
  id: Scalars['ID']['input'];
};

/** A growth journal entry to record. */
export type RecordGrowthInput = {
  /** Height in cm, 0–1000. */
  heightCm?: InputMaybe<Scalars['Float']['input']>;
  /** Number of leaves, 0–10000. */
  leafCount?: InputMaybe<Scalars['Int']['input']>;
  /** Free notes, at most 2000 characters. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** An http or https URL, at most 2048 characters. */
  photoUrl?: InputMaybe<Scalars['String']['input']>;
  /** When; defaults to now and may not be in the future. */
  recordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** PHOTO needs photoUrl, MEASUREMENT at least one measurement, OBSERVATION notes. */
  type: GrowthEntryType;
  /** The plant (one of yours). */
  userPlantId: Scalars['ID']['input'];
  /** Width in cm, 0–1000. */
  widthCm?: InputMaybe<Scalars['Float']['input']>;
};

/** Season, from the month in the user's time zone and their hemisphere. */
export type Season =
  /** Sep–Nov in the north, Mar–May in the south. */
  | 'AUTUMN'
  /** Mar–May in the north, Sep–Nov in the south. */
  | 'SPRING'
  /** Jun–Aug in the north, Dec–Feb in the south. */
  | 'SUMMER'
  /** Dec–Feb in the north, Jun–Aug in the south. */
  | 'WINTER';

/** The substrate a plant is potted in. */
export type SoilType =
  /** Chunky aroid mix with bark and perlite. */
  | 'AROID_MIX'
  /** Gritty, fast-draining cactus and succulent mix. */
  | 'CACTUS_MIX'
  /** Peat, coir or sphagnum heavy mix that stays wet. */
  | 'MOISTURE_RETENTIVE'
  /** Orchid bark. */
  | 'ORCHID_BARK'
  /** Anything else. */
  | 'OTHER'
  /** Peat- or coir-based potting mix. */
  | 'STANDARD';

/** Corrections to a growth entry; omitted fields stay as they are, null clears an optional field. */
export type UpdateGrowthEntryInput = {
  /** Height in cm, 0–1000. */
  heightCm?: InputMaybe<Scalars['Float']['input']>;
  /** Number of leaves, 0–10000. */
  leafCount?: InputMaybe<Scalars['Int']['input']>;
  /** Free notes. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** An http or https URL. */
  photoUrl?: InputMaybe<Scalars['String']['input']>;
  /** When; not in the future (cannot be cleared). */
  recordedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Photo, measurement or observation (the entry must still satisfy its type's requirement). */
  type?: InputMaybe<GrowthEntryType>;
  /** Width in cm, 0–1000. */
  widthCm?: InputMaybe<Scalars['Float']['input']>;
};

/** Changes to a species; omitted fields stay as they are. Same rules as CreateIndoorPlantInput. */
export type UpdateIndoorPlantInput = {
  /** Typical indoor size. */
  adultSize?: InputMaybe<Scalars['String']['input']>;
  /** Air purifying. */
  airPurifying?: InputMaybe<Scalars['Boolean']['input']>;
  /** Typical days between waterings in spring, 1–60. */
  baseWateringIntervalDays?: InputMaybe<Scalars['Int']['input']>;
  /** Care advice. */
  careNotes?: InputMaybe<Scalars['String']['input']>;
  /** 1–20 common names. */
  commonNames?: InputMaybe<Array<Scalars['String']['input']>>;
  /** How much experience it asks for. */
  difficulty?: InputMaybe<Difficulty>;
  /** Botanical family. */
  family?: InputMaybe<Scalars['String']['input']>;
  /** Flowers indoors. */
  flowering?: InputMaybe<Scalars['Boolean']['input']>;
  /** How fast it grows. */
  growthRate?: InputMaybe<GrowthRate>;
  /** Air humidity it prefers. */
  humidityNeed?: InputMaybe<HumidityNeed>;
  /** Light it needs. */
  lightNeed?: InputMaybe<LightExposure>;
  /** Highest tolerated temperature, °C. */
  maxTemperatureC?: InputMaybe<Scalars['Float']['input']>;
  /** Lowest tolerated temperature, °C. */
  minTemperatureC?: InputMaybe<Scalars['Float']['input']>;
  /** Native range. */
  origin?: InputMaybe<Scalars['String']['input']>;
  /** Accepted botanical name, unique (case-insensitive). */
  scientificName?: InputMaybe<Scalars['String']['input']>;
  /** Recommended substrate. */
  soil?: InputMaybe<Scalars['String']['input']>;
  /** Harmful to people. */
  toxicToHumans?: InputMaybe<Scalars['Boolean']['input']>;
  /** Poisonous to cats or dogs. */
  toxicToPets?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Changes to a plant; omitted fields stay as they are, null clears an optional field. Same rules as AddUserPlantInput. */
export type UpdateUserPlantInput = {
  /** When you got it. */
  acquiredOn?: InputMaybe<Scalars['DateTime']['input']>;
  /** Your own interval, 1–60 days; null returns to the computed one. */
  customWateringIntervalDays?: InputMaybe<Scalars['Int']['input']>;
  /** How it is doing (cannot be cleared). */
  healthStatus?: InputMaybe<HealthStatus>;
  /** Light at its spot. */
  lightExposure?: InputMaybe<LightExposure>;
  /** Room or spot. */
  location?: InputMaybe<Scalars['String']['input']>;
  /** Your name for it (cannot be cleared). */
  nickname?: InputMaybe<Scalars['String']['input']>;
  /** Free notes. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** A photo URL. */
  photoUrl?: InputMaybe<Scalars['String']['input']>;
  /** Change the species. */
  plantId?: InputMaybe<Scalars['ID']['input']>;
  /** Pot material. */
  potMaterial?: InputMaybe<PotMaterial>;
  /** Pot size. */
  potSize?: InputMaybe<PotSize>;
  /** Average room temperature, °C. */
  roomTemperatureC?: InputMaybe<Scalars['Float']['input']>;
  /** Substrate. */
  soil?: InputMaybe<SoilType>;
};

/** Corrections to a logged watering; omitted fields stay as they are, null clears an optional field. */
export type UpdateWateringInput = {
  /** Millilitres, 0–10000. */
  amountMl?: InputMaybe<Scalars['Int']['input']>;
  /** Free notes, at most 1000 characters. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** What kind of water. */
  waterType?: InputMaybe<WaterType>;
  /** When it was watered; not in the future (cannot be cleared). */
  wateredAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A Bloomzy account, owned by the auth subgraph. The plants subgraph adds the user's collection. */
export type User = {
  __typename?: 'User';
  /** Stable identifier (from the auth subgraph). */
  id: Scalars['ID']['output'];
  /**
   * The user's plants, newest first. Visible to the user themself and to admins; anyone else gets FORBIDDEN.
   * Needs the plants:read scope when called with an API key.
   */
  plants: UserPlantConnection;
};


/** A Bloomzy account, owned by the auth subgraph. The plants subgraph adds the user's collection. */
export type UserPlantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeArchived?: InputMaybe<Scalars['Boolean']['input']>;
  location?: InputMaybe<Scalars['String']['input']>;
  needsWater?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A plant in a user's collection, owned and resolved by the plants subgraph. */
export type UserPlant = {
  __typename?: 'UserPlant';
  /** When the owner got it. */
  acquiredOn: Maybe<Scalars['DateTime']['output']>;
  /** When it was archived (removed from the collection; its history is kept). Null while active. */
  archivedAt: Maybe<Scalars['DateTime']['output']>;
  /** When it was added. */
  createdAt: Scalars['DateTime']['output'];
  /** Days between waterings set by the owner; replaces the computed interval when set. */
  customWateringIntervalDays: Maybe<Scalars['Int']['output']>;
  /** Its growth journal, newest first. */
  growthEntries: GrowthEntryConnection;
  /** First and latest measurements and growth rates from the journal. */
  growthSummary: GrowthSummary;
  /** How it is doing. */
  healthStatus: HealthStatus;
  /** Stable identifier (from the plants subgraph). */
  id: Scalars['ID']['output'];
  /** The latest watering, if any. */
  lastWateredAt: Maybe<Scalars['DateTime']['output']>;
  /** Light at its spot. */
  lightExposure: Maybe<LightExposure>;
  /** The room or spot where it lives (e.g. Living room). */
  location: Maybe<Scalars['String']['output']>;
  /** When it needs water next (now, if it was never watered). Null once archived. */
  nextWateringAt: Maybe<Scalars['DateTime']['output']>;
  /** The owner's name for it. */
  nickname: Scalars['String']['output'];
  /** Free notes. */
  notes: Maybe<Scalars['String']['output']>;
  /** Whose plant it is. */
  owner: User;
  /** A photo (http or https URL). */
  photoUrl: Maybe<Scalars['String']['output']>;
  /** The species. */
  plant: IndoorPlant;
  /** Pot material. */
  potMaterial: Maybe<PotMaterial>;
  /** Pot size. */
  potSize: Maybe<PotSize>;
  /** Average room temperature at its spot, °C. */
  roomTemperatureC: Maybe<Scalars['Float']['output']>;
  /** Substrate it is potted in. */
  soil: Maybe<SoilType>;
  /** When it was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The care schedule: due date, urgency and what produced the interval. Null once archived. */
  wateringStatus: Maybe<WateringStatus>;
  /** Its waterings, newest first. */
  waterings: WateringConnection;
};


/** A plant in a user's collection, owned and resolved by the plants subgraph. */
export type UserPlantGrowthEntriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  type?: InputMaybe<GrowthEntryType>;
};


/** A plant in a user's collection, owned and resolved by the plants subgraph. */
export type UserPlantWateringsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of a user's plants. */
export type UserPlantConnection = {
  __typename?: 'UserPlantConnection';
  /** The plants of this page. */
  edges: Array<UserPlantEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many plants match the arguments in total. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a user's plant list. */
export type UserPlantEdge = {
  __typename?: 'UserPlantEdge';
  /** Opaque position of this plant in the list. */
  cursor: Scalars['String']['output'];
  /** The plant. */
  node: UserPlant;
};

/** A watering to log. */
export type WaterPlantInput = {
  /** Millilitres, 0–10000. */
  amountMl?: InputMaybe<Scalars['Int']['input']>;
  /** Free notes, at most 1000 characters. */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The plant (one of yours, not archived). */
  userPlantId: Scalars['ID']['input'];
  /** What kind of water. */
  waterType?: InputMaybe<WaterType>;
  /** When it was watered; defaults to now and may not be in the future. */
  wateredAt?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Kind of water used for a watering. */
export type WaterType =
  /** Distilled or reverse-osmosis water. */
  | 'DISTILLED'
  /** Water with fertilizer added. */
  | 'FERTILIZED'
  /** Filtered water. */
  | 'FILTERED'
  /** Anything else. */
  | 'OTHER'
  /** Collected rain water. */
  | 'RAIN'
  /** Tap water. */
  | 'TAP';

/** One watering in a plant's log. */
export type Watering = {
  __typename?: 'Watering';
  /** How much water, in millilitres (0–10000). */
  amountMl: Maybe<Scalars['Int']['output']>;
  /** When the watering was logged. */
  createdAt: Scalars['DateTime']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Free notes. */
  notes: Maybe<Scalars['String']['output']>;
  /** The plant that was watered. */
  userPlant: UserPlant;
  /** What kind of water. */
  waterType: Maybe<WaterType>;
  /** When it was watered. */
  wateredAt: Scalars['DateTime']['output'];
};

/** A page of a watering log, newest first. */
export type WateringConnection = {
  __typename?: 'WateringConnection';
  /** The waterings of this page. */
  edges: Array<WateringEdge>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** An edge of a watering log. */
export type WateringEdge = {
  __typename?: 'WateringEdge';
  /** Opaque position of this watering in the log. */
  cursor: Scalars['String']['output'];
  /** The watering. */
  node: Watering;
};

/** One multiplier applied to the base interval. */
export type WateringFactor = {
  __typename?: 'WateringFactor';
  /** Above 1 waters less often, below 1 more often; 1 is neutral. */
  factor: Scalars['Float']['output'];
  /** Which condition. */
  name: WateringFactorName;
  /** Why, in words. */
  reason: Scalars['String']['output'];
};

/** A condition that stretches or shortens the species' base watering interval. */
export type WateringFactorName =
  /** Light at the plant's spot. */
  | 'LIGHT'
  /** The pot's material. */
  | 'POT_MATERIAL'
  /** The pot's size. */
  | 'POT_SIZE'
  /** The current season. */
  | 'SEASON'
  /** The substrate. */
  | 'SOIL'
  /** Room temperature at the plant's spot. */
  | 'TEMPERATURE';

/** Where the watering interval came from. */
export type WateringIntervalSource =
  /** Computed from the species, season, pot, soil, light, temperature and the owner's rhythm. */
  | 'COMPUTED'
  /** The owner set a custom interval on the plant. */
  | 'CUSTOM';

/** How the owner has actually been watering this plant. */
export type WateringRhythm = {
  __typename?: 'WateringRhythm';
  /** The average bounded to ±30 % of the computed interval. */
  adaptedIntervalDays: Scalars['Float']['output'];
  /** Mean of the most recent (up to 5) intervals between waterings, in days. */
  averageIntervalDays: Scalars['Float']['output'];
  /** Whether the ±30 % bound cut the average. */
  bounded: Scalars['Boolean']['output'];
  /** How many intervals the average is based on (2–5). */
  intervalsUsed: Scalars['Int']['output'];
};

/**
 * A plant's watering schedule. interval = custom interval, or species base × season × pot × soil × light × temperature
 * factors moved toward the owner's recent rhythm (±30 %), rounded and clamped to 1–60 days; due = last watering +
 * interval (or now when never watered), pushed later by an active snooze.
 */
export type WateringStatus = {
  __typename?: 'WateringStatus';
  /** The species' base interval in days (7 when unknown). */
  baseIntervalDays: Scalars['Float']['output'];
  /** base × factors, before the owner's rhythm is taken into account. */
  computedIntervalDays: Scalars['Float']['output'];
  /** Calendar days from today to the due date in the owner's time zone; negative when overdue. */
  daysUntilDue: Scalars['Int']['output'];
  /** When the plant needs water next. */
  dueDate: Scalars['DateTime']['output'];
  /** Every factor applied to the base interval, neutral ones included. */
  factors: Array<WateringFactor>;
  /** The interval in whole days used for the due date (1–60). */
  intervalDays: Scalars['Int']['output'];
  /** The owner's observed watering rhythm; null with fewer than 2 recent intervals. */
  rhythm: Maybe<WateringRhythm>;
  /** The season the season factor was taken from. */
  season: Season;
  /** End of the active snooze, if one is postponing the due date. */
  snoozedUntil: Maybe<Scalars['DateTime']['output']>;
  /** Whether the interval is the owner's custom one or computed. */
  source: WateringIntervalSource;
  /** The time zone the days were counted in (the owner's, UTC when unknown). */
  timeZone: Scalars['String']['output'];
  /** How soon the plant needs water. */
  urgency: WateringUrgency;
};

/** How soon a plant needs water, in the user's calendar. */
export type WateringUrgency =
  /** Due today. */
  | 'DUE_TODAY'
  /** Due in 3 days or more. */
  | 'OK'
  /** The due date is before today. */
  | 'OVERDUE'
  /** Due in 1 or 2 days. */
  | 'SOON';

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
  IndoorPlant: IndoorPlant;
  User: User;
  UserPlant: UserPlant;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  IndoorPlant:
    ( { __typename: 'IndoorPlant' }
    & GraphQLRecursivePick<FederationTypes['IndoorPlant'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
  UserPlant:
    ( { __typename: 'UserPlant' }
    & GraphQLRecursivePick<FederationTypes['UserPlant'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AddUserPlantInput: AddUserPlantInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CreateIndoorPlantInput: CreateIndoorPlantInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Difficulty: Difficulty;
  FieldSet: ResolverTypeWrapper<Scalars['FieldSet']['output']>;
  GrowthEntry: ResolverTypeWrapper<GrowthEntryModel>;
  GrowthEntryConnection: ResolverTypeWrapper<Omit<GrowthEntryConnection, 'edges'> & { edges: Array<ResolversTypes['GrowthEntryEdge']> }>;
  GrowthEntryEdge: ResolverTypeWrapper<Omit<GrowthEntryEdge, 'node'> & { node: ResolversTypes['GrowthEntry'] }>;
  GrowthEntryType: GrowthEntryType;
  GrowthRate: GrowthRate;
  GrowthSummary: ResolverTypeWrapper<GrowthSummary>;
  HealthStatus: HealthStatus;
  HumidityNeed: HumidityNeed;
  IndoorPlant: ResolverTypeWrapper<IndoorPlantModel>;
  IndoorPlantConnection: ResolverTypeWrapper<IndoorPlantConnectionModel>;
  IndoorPlantEdge: ResolverTypeWrapper<Omit<IndoorPlantEdge, 'node'> & { node: ResolversTypes['IndoorPlant'] }>;
  IndoorPlantFilter: IndoorPlantFilter;
  LightExposure: LightExposure;
  MeasurementTrend: ResolverTypeWrapper<MeasurementTrend>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PotMaterial: PotMaterial;
  PotSize: PotSize;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordGrowthInput: RecordGrowthInput;
  Season: Season;
  SoilType: SoilType;
  UpdateGrowthEntryInput: UpdateGrowthEntryInput;
  UpdateIndoorPlantInput: UpdateIndoorPlantInput;
  UpdateUserPlantInput: UpdateUserPlantInput;
  UpdateWateringInput: UpdateWateringInput;
  User: ResolverTypeWrapper<UserModel>;
  UserPlant: ResolverTypeWrapper<UserPlantModel>;
  UserPlantConnection: ResolverTypeWrapper<UserPlantConnectionModel>;
  UserPlantEdge: ResolverTypeWrapper<Omit<UserPlantEdge, 'node'> & { node: ResolversTypes['UserPlant'] }>;
  WaterPlantInput: WaterPlantInput;
  WaterType: WaterType;
  Watering: ResolverTypeWrapper<WateringModel>;
  WateringConnection: ResolverTypeWrapper<Omit<WateringConnection, 'edges'> & { edges: Array<ResolversTypes['WateringEdge']> }>;
  WateringEdge: ResolverTypeWrapper<Omit<WateringEdge, 'node'> & { node: ResolversTypes['Watering'] }>;
  WateringFactor: ResolverTypeWrapper<WateringFactor>;
  WateringFactorName: WateringFactorName;
  WateringIntervalSource: WateringIntervalSource;
  WateringRhythm: ResolverTypeWrapper<WateringRhythm>;
  WateringStatus: ResolverTypeWrapper<WateringStatusModel>;
  WateringUrgency: WateringUrgency;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AddUserPlantInput: AddUserPlantInput;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  Float: Scalars['Float']['output'];
  CreateIndoorPlantInput: CreateIndoorPlantInput;
  DateTime: Scalars['DateTime']['output'];
  FieldSet: Scalars['FieldSet']['output'];
  GrowthEntry: GrowthEntryModel;
  GrowthEntryConnection: Omit<GrowthEntryConnection, 'edges'> & { edges: Array<ResolversParentTypes['GrowthEntryEdge']> };
  GrowthEntryEdge: Omit<GrowthEntryEdge, 'node'> & { node: ResolversParentTypes['GrowthEntry'] };
  GrowthSummary: GrowthSummary;
  IndoorPlant: IndoorPlantModel;
  IndoorPlantConnection: IndoorPlantConnectionModel;
  IndoorPlantEdge: Omit<IndoorPlantEdge, 'node'> & { node: ResolversParentTypes['IndoorPlant'] };
  IndoorPlantFilter: IndoorPlantFilter;
  MeasurementTrend: MeasurementTrend;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RecordGrowthInput: RecordGrowthInput;
  UpdateGrowthEntryInput: UpdateGrowthEntryInput;
  UpdateIndoorPlantInput: UpdateIndoorPlantInput;
  UpdateUserPlantInput: UpdateUserPlantInput;
  UpdateWateringInput: UpdateWateringInput;
  User: UserModel;
  UserPlant: UserPlantModel;
  UserPlantConnection: UserPlantConnectionModel;
  UserPlantEdge: Omit<UserPlantEdge, 'node'> & { node: ResolversParentTypes['UserPlant'] };
  WaterPlantInput: WaterPlantInput;
  Watering: WateringModel;
  WateringConnection: Omit<WateringConnection, 'edges'> & { edges: Array<ResolversParentTypes['WateringEdge']> };
  WateringEdge: Omit<WateringEdge, 'node'> & { node: ResolversParentTypes['Watering'] };
  WateringFactor: WateringFactor;
  WateringRhythm: WateringRhythm;
  WateringStatus: WateringStatusModel;
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

export type GrowthEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrowthEntry'] = ResolversParentTypes['GrowthEntry']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  heightCm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leafCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  photoUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['GrowthEntryType'], ParentType, ContextType>;
  userPlant?: Resolver<ResolversTypes['UserPlant'], ParentType, ContextType>;
  widthCm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type GrowthEntryConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrowthEntryConnection'] = ResolversParentTypes['GrowthEntryConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GrowthEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type GrowthEntryEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrowthEntryEdge'] = ResolversParentTypes['GrowthEntryEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GrowthEntry'], ParentType, ContextType>;
}>;

export type GrowthSummaryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GrowthSummary'] = ResolversParentTypes['GrowthSummary']> = ResolversObject<{
  entryCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstRecordedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  height?: Resolver<Maybe<ResolversTypes['MeasurementTrend']>, ParentType, ContextType>;
  lastRecordedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  leafCount?: Resolver<Maybe<ResolversTypes['MeasurementTrend']>, ParentType, ContextType>;
  width?: Resolver<Maybe<ResolversTypes['MeasurementTrend']>, ParentType, ContextType>;
}>;

export type IndoorPlantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IndoorPlant'] = ResolversParentTypes['IndoorPlant'], FederationReferenceType extends FederationReferenceTypes['IndoorPlant'] = FederationReferenceTypes['IndoorPlant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['IndoorPlant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  adultSize?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  airPurifying?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  baseWateringIntervalDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  careNotes?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  commonNames?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  difficulty?: Resolver<ResolversTypes['Difficulty'], ParentType, ContextType>;
  family?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  flowering?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  growthRate?: Resolver<ResolversTypes['GrowthRate'], ParentType, ContextType>;
  humidityNeed?: Resolver<ResolversTypes['HumidityNeed'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lightNeed?: Resolver<ResolversTypes['LightExposure'], ParentType, ContextType>;
  maxTemperatureC?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  minTemperatureC?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  origin?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scientificName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  soil?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toxicToHumans?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  toxicToPets?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type IndoorPlantConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IndoorPlantConnection'] = ResolversParentTypes['IndoorPlantConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['IndoorPlantEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IndoorPlantEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IndoorPlantEdge'] = ResolversParentTypes['IndoorPlantEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['IndoorPlant'], ParentType, ContextType>;
}>;

export type MeasurementTrendResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MeasurementTrend'] = ResolversParentTypes['MeasurementTrend']> = ResolversObject<{
  change?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  first?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  firstRecordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  last?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lastRecordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  measurements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  perMonth?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addUserPlant?: Resolver<ResolversTypes['UserPlant'], ParentType, ContextType, RequireFields<MutationAddUserPlantArgs, 'input'>>;
  archiveUserPlant?: Resolver<ResolversTypes['UserPlant'], ParentType, ContextType, RequireFields<MutationArchiveUserPlantArgs, 'id'>>;
  createIndoorPlant?: Resolver<ResolversTypes['IndoorPlant'], ParentType, ContextType, RequireFields<MutationCreateIndoorPlantArgs, 'input'>>;
  deleteGrowthEntry?: Resolver<ResolversTypes['UserPlant'], ParentType, ContextType, RequireFields<MutationDeleteGrowthEntryArgs, 'id'>>;
  deleteIndoorPlant?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationDeleteIndoorPlantArgs, 'id'>>;
  deleteWatering?: Resolver<ResolversTypes['UserPlant'], ParentType, ContextType, RequireFields<MutationDeleteWateringArgs, 'id'>>;
  recordGrowth?: Resolver<ResolversTypes['GrowthEntry'], ParentType, ContextType, RequireFields<MutationRecordGrowthArgs, 'input'>>;
  snoozeWatering?: Resolver<ResolversTypes['UserPlant'], ParentType, ContextType, RequireFields<MutationSnoozeWateringArgs, 'days' | 'userPlantId'>>;
  updateGrowthEntry?: Resolver<ResolversTypes['GrowthEntry'], ParentType, ContextType, RequireFields<MutationUpdateGrowthEntryArgs, 'id' | 'input'>>;
  updateIndoorPlant?: Resolver<ResolversTypes['IndoorPlant'], ParentType, ContextType, RequireFields<MutationUpdateIndoorPlantArgs, 'id' | 'input'>>;
  updateUserPlant?: Resolver<ResolversTypes['UserPlant'], ParentType, ContextType, RequireFields<MutationUpdateUserPlantArgs, 'id' | 'input'>>;
  updateWatering?: Resolver<ResolversTypes['Watering'], ParentType, ContextType, RequireFields<MutationUpdateWateringArgs, 'id' | 'input'>>;
  waterPlant?: Resolver<ResolversTypes['Watering'], ParentType, ContextType, RequireFields<MutationWaterPlantArgs, 'input'>>;
  waterPlants?: Resolver<Array<ResolversTypes['Watering']>, ParentType, ContextType, RequireFields<MutationWaterPlantsArgs, 'userPlantIds'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  indoorPlant?: Resolver<Maybe<ResolversTypes['IndoorPlant']>, ParentType, ContextType, RequireFields<QueryIndoorPlantArgs, 'id'>>;
  indoorPlants?: Resolver<ResolversTypes['IndoorPlantConnection'], ParentType, ContextType, RequireFields<QueryIndoorPlantsArgs, 'first'>>;
  userPlant?: Resolver<Maybe<ResolversTypes['UserPlant']>, ParentType, ContextType, RequireFields<QueryUserPlantArgs, 'id'>>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  plants?: Resolver<ResolversTypes['UserPlantConnection'], ParentType, ContextType, RequireFields<UserPlantsArgs, 'first' | 'includeArchived'>>;
}>;

export type UserPlantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserPlant'] = ResolversParentTypes['UserPlant'], FederationReferenceType extends FederationReferenceTypes['UserPlant'] = FederationReferenceTypes['UserPlant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['UserPlant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  acquiredOn?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  archivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customWateringIntervalDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  growthEntries?: Resolver<ResolversTypes['GrowthEntryConnection'], ParentType, ContextType, RequireFields<UserPlantGrowthEntriesArgs, 'first'>>;
  growthSummary?: Resolver<ResolversTypes['GrowthSummary'], ParentType, ContextType>;
  healthStatus?: Resolver<ResolversTypes['HealthStatus'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastWateredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lightExposure?: Resolver<Maybe<ResolversTypes['LightExposure']>, ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nextWateringAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  nickname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  photoUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  plant?: Resolver<ResolversTypes['IndoorPlant'], ParentType, ContextType>;
  potMaterial?: Resolver<Maybe<ResolversTypes['PotMaterial']>, ParentType, ContextType>;
  potSize?: Resolver<Maybe<ResolversTypes['PotSize']>, ParentType, ContextType>;
  roomTemperatureC?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  soil?: Resolver<Maybe<ResolversTypes['SoilType']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  wateringStatus?: Resolver<Maybe<ResolversTypes['WateringStatus']>, ParentType, ContextType>;
  waterings?: Resolver<ResolversTypes['WateringConnection'], ParentType, ContextType, RequireFields<UserPlantWateringsArgs, 'first'>>;
}>;

export type UserPlantConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserPlantConnection'] = ResolversParentTypes['UserPlantConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UserPlantEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserPlantEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserPlantEdge'] = ResolversParentTypes['UserPlantEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['UserPlant'], ParentType, ContextType>;
}>;

export type WateringResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Watering'] = ResolversParentTypes['Watering']> = ResolversObject<{
  amountMl?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userPlant?: Resolver<ResolversTypes['UserPlant'], ParentType, ContextType>;
  waterType?: Resolver<Maybe<ResolversTypes['WaterType']>, ParentType, ContextType>;
  wateredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type WateringConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WateringConnection'] = ResolversParentTypes['WateringConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['WateringEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type WateringEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WateringEdge'] = ResolversParentTypes['WateringEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Watering'], ParentType, ContextType>;
}>;

export type WateringFactorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WateringFactor'] = ResolversParentTypes['WateringFactor']> = ResolversObject<{
  factor?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['WateringFactorName'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WateringRhythmResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WateringRhythm'] = ResolversParentTypes['WateringRhythm']> = ResolversObject<{
  adaptedIntervalDays?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  averageIntervalDays?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  bounded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  intervalsUsed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type WateringStatusResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WateringStatus'] = ResolversParentTypes['WateringStatus']> = ResolversObject<{
  baseIntervalDays?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  computedIntervalDays?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  daysUntilDue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  factors?: Resolver<Array<ResolversTypes['WateringFactor']>, ParentType, ContextType>;
  intervalDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rhythm?: Resolver<Maybe<ResolversTypes['WateringRhythm']>, ParentType, ContextType>;
  season?: Resolver<ResolversTypes['Season'], ParentType, ContextType>;
  snoozedUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['WateringIntervalSource'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  urgency?: Resolver<ResolversTypes['WateringUrgency'], ParentType, ContextType>;
}>;

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export type Resolvers<ContextType = Context> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  FieldSet?: GraphQLScalarType;
  GrowthEntry?: GrowthEntryResolvers<ContextType>;
  GrowthEntryConnection?: GrowthEntryConnectionResolvers<ContextType>;
  GrowthEntryEdge?: GrowthEntryEdgeResolvers<ContextType>;
  GrowthSummary?: GrowthSummaryResolvers<ContextType>;
  IndoorPlant?: IndoorPlantResolvers<ContextType>;
  IndoorPlantConnection?: IndoorPlantConnectionResolvers<ContextType>;
  IndoorPlantEdge?: IndoorPlantEdgeResolvers<ContextType>;
  MeasurementTrend?: MeasurementTrendResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserPlant?: UserPlantResolvers<ContextType>;
  UserPlantConnection?: UserPlantConnectionResolvers<ContextType>;
  UserPlantEdge?: UserPlantEdgeResolvers<ContextType>;
  Watering?: WateringResolvers<ContextType>;
  WateringConnection?: WateringConnectionResolvers<ContextType>;
  WateringEdge?: WateringEdgeResolvers<ContextType>;
  WateringFactor?: WateringFactorResolvers<ContextType>;
  WateringRhythm?: WateringRhythmResolvers<ContextType>;
  WateringStatus?: WateringStatusResolvers<ContextType>;
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
