/**
 * Operations a real client sends, which the router's limits must always let through: the app's dashboard and the
 * introspection query Apollo Sandbox loads the schema with.
 */
import { getIntrospectionQuery } from 'graphql';

/** The dashboard of the app: every plant with its species, watering status and last three waterings. */
export const DASHBOARD = `query Dashboard {
  me {
    id username timezone
    plants(first: 50) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id nickname location photoUrl lastWateredAt nextWateringAt healthStatus
          plant { id scientificName commonNames lightNeed toxicToPets baseWateringIntervalDays }
          wateringStatus { urgency dueDate daysUntilDue intervalDays factors { name factor reason } }
          waterings(first: 3) { edges { node { id wateredAt amountMl waterType } } }
        }
      }
    }
  }
}`;

/** What Apollo Sandbox (and graphql-js by default) asks for when it loads the schema: 15 levels deep. */
export const INTROSPECTION = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
});
