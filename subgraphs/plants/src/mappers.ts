/** The objects plants resolvers return for GraphQL types (codegen mappers). */
import type { GrowthEntry, IndoorPlant, UserPlant, Watering } from './db/client.js';
import type { Connection } from './domain/pagination.js';
import type { WateringSchedule } from './schedule/types.js';

/** A User reference: auth owns the user, plants only knows the id. */
export interface UserModel {
  id: string;
}
export type IndoorPlantModel = IndoorPlant;
export type UserPlantModel = UserPlant;
export type WateringModel = Watering;
export type GrowthEntryModel = GrowthEntry;
export type WateringStatusModel = WateringSchedule;
export type IndoorPlantConnectionModel = Connection<IndoorPlant>;
export type UserPlantConnectionModel = Connection<UserPlant>;
export type WateringConnectionModel = Connection<Watering>;
export type GrowthEntryConnectionModel = Connection<GrowthEntry>;
