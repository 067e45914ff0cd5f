import { DateTimeScalar } from '@bloomzy/shared/scalars';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { IndoorPlant, IndoorPlantConnection } from './IndoorPlant.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { User } from './User.js';
import { UserPlant, UserPlantConnection } from './UserPlant.js';
import { GrowthEntry } from './GrowthEntry.js';
import { Watering } from './Watering.js';
import { WateringStatus } from './WateringStatus.js';

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
  GrowthEntry,
};
