import { DateTimeScalar } from '@bloomzy/shared/scalars';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { CareLog, CareLogConnection } from './care.js';
import { GrowthEntry } from './growth-entry.js';
import { GrowthEntryConnection, WateringConnection } from './history-connections.js';
import { IndoorPlant, IndoorPlantConnection } from './indoor-plant.js';
import { Mutation } from './mutation.js';
import { Query } from './query.js';
import { UserPlant, UserPlantConnection } from './user-plant.js';
import { User } from './user.js';
import { WateringStatus } from './watering-status.js';
import { Watering } from './watering.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  User,
  IndoorPlant,
  IndoorPlantConnection,
  UserPlant,
  UserPlantConnection,
  WateringStatus,
  Watering,
  WateringConnection,
  GrowthEntry,
  GrowthEntryConnection,
  CareLog,
  CareLogConnection,
};
