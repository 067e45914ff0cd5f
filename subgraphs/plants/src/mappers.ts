/** The objects plants resolvers return for GraphQL types (codegen mappers). */
import type { CareAgendaDay, CareAgendaItem, CareAgendaRoom } from './care/agenda.js';
import type { CareTaskStatusView } from './care/plant-care.js';
import type { CareLogRow } from './db/care-queries.js';
import type { CareOverride, GrowthEntry, IndoorPlant, UserPlant, Watering } from './db/client.js';
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
export type CareLogModel = CareLogRow;
export type CareLogConnectionModel = Connection<CareLogRow>;
export type CareTaskStatusModel = CareTaskStatusView;
export type CareSettingModel = CareOverride;
export type CareAgendaDayModel = CareAgendaDay;
export type CareAgendaRoomModel = CareAgendaRoom;
export type CareAgendaItemModel = CareAgendaItem;
