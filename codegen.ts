/**
 * graphql-codegen: typed resolvers for each subgraph from its SDL in schema/. `npm run generate` rewrites
 * subgraphs/<name>/src/__generated__/resolvers-types.ts; never edit those by hand.
 * Mappers point GraphQL types at the objects resolvers really return (Prisma rows, computed records).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const subgraph = (name: string, mappers: Record<string, string>) => ({
  [`subgraphs/${name}/src/__generated__/resolvers-types.ts`]: {
    schema: [`schema/${name}.graphql`, 'schema/federation-directives.graphql'],
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      useTypeImports: true,
      contextType: '../context.js#Context',
      scalars: { DateTime: { input: 'Date', output: 'Date | string' }, URL: 'string', JSON: 'unknown' },
      enumsAsTypes: true,
      mappers,
      avoidOptionals: { field: true, inputValue: false, object: false },
      maybeValue: 'T | null',
      inputMaybeValue: 'T | null | undefined',
    },
  },
});

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...subgraph('auth', {
      User: '../mappers.js#UserModel',
      ApiKey: '../mappers.js#ApiKeyModel',
    }),
    ...subgraph('plants', {
      User: '../mappers.js#UserModel',
      IndoorPlant: '../mappers.js#IndoorPlantModel',
      IndoorPlantConnection: '../mappers.js#IndoorPlantConnectionModel',
      UserPlant: '../mappers.js#UserPlantModel',
      UserPlantConnection: '../mappers.js#UserPlantConnectionModel',
      WateringStatus: '../mappers.js#WateringStatusModel',
      Watering: '../mappers.js#WateringModel',
      GrowthEntry: '../mappers.js#GrowthEntryModel',
    }),
    ...subgraph('notifications', {
      User: '../mappers.js#UserRef',
      UserPlant: '../mappers.js#UserPlantRef',
      Notification: '../mappers.js#NotificationModel',
      NotificationDeliveryAttempt: '../mappers.js#DeliveryAttemptModel',
      NotificationPreferences: '../mappers.js#PreferencesModel',
    }),
  },
};

export default config;
