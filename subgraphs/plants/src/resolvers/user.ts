import { forbidden } from '@bloomzy/shared/errors';
import type { UserResolvers } from '../__generated__/resolvers-types.js';
import { wateringIsOff } from '../care/plant-care.js';
import { canRead } from '../domain/access.js';
import { listUserPlants } from '../domain/user-plant-list.js';
import { userCare } from './care.js';

export const User: UserResolvers = {
  // Auth owns users; plants trusts the router's reference and only needs the id.
  __resolveReference: (ref) => ({ id: ref.id }),
  async plants(user, args, ctx) {
    const principal = await ctx.auth.require('plants:read');
    // The user object itself is visible (auth decides that), so its plants are refused outright rather than hidden.
    if (!canRead(principal, user.id)) throw forbidden("Only the owner and admins can see a user's plants");
    return listUserPlants(
      ctx.runtime,
      {
        // Loaded in one tick, so every schedule joins one batch.
        schedules: (plants) => Promise.all(plants.map((plant) => ctx.loaders.schedule.load(plant))),
        // One statement for all of them, like the schedules.
        wateringOff: (plants) =>
          Promise.all(plants.map(async (plant) => wateringIsOff(await ctx.loaders.care.overrides.load(plant.id)))),
        remember: (rows) => rows.forEach((row) => ctx.loaders.userPlant.prime(row.id, row)),
      },
      user.id,
      args,
    );
  },
  ...userCare,
};
