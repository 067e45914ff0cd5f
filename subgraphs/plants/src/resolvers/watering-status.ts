import type { WateringStatusResolvers } from '../__generated__/resolvers-types.js';

/** The schedule object carries the status fields one level down; the rest map by name. */
export const WateringStatus: WateringStatusResolvers = {
  dueDate: (schedule) => schedule.status.dueDate,
  daysUntilDue: (schedule) => schedule.status.daysUntilDue,
  urgency: (schedule) => schedule.status.urgency,
  timeZone: (schedule) => schedule.status.timeZone,
};
