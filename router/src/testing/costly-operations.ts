/**
 * Operations that size the router's demand control: the app's heaviest everyday query, which must pass, and the two
 * attacks of issue 8, which must be refused. Shared by the cost unit tests and the e2e suite.
 */

/** The app's home screen: every plant with its schedule, last waterings and growth, and the unread notifications. */
export const DASHBOARD = `query Dashboard {
  me {
    id username unreadNotificationCount
    plants(first: 50) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id nickname location healthStatus photoUrl lastWateredAt nextWateringAt
        plant { id scientificName commonNames lightNeed toxicToPets }
        wateringStatus { dueDate daysUntilDue urgency intervalDays factors { name factor reason } rhythm { averageIntervalDays } }
        waterings(first: 3) { edges { node { id wateredAt amountMl } } }
        growthSummary { entryCount height { last change } }
      } }
    }
  }
  notifications(first: 10, filter: { unread: true }) {
    unreadCount edges { node { id title body scheduledFor userPlant { id nickname } } }
  }
}`;

/** `plants(first: 10)` nested five levels deep through each plant's owner (issue 8: 20 s of CPU before). */
export const NESTED_PLANTS = `{ me { ${Array.from({ length: 5 }).reduce<string>(
  (inner) => `plants(first: 10) { edges { node { nickname owner { ${inner} } } } }`,
  'id',
)} } }`;

/** 1000 aliases of the largest catalog page, sent without a token (issue 8: 12 s and 15.8 MB before). */
export const THOUSAND_ALIASES = `{ ${Array.from(
  { length: 1000 },
  (_, i) => `p${i}: indoorPlants(first: 100) { edges { node { id scientificName } } }`,
).join(' ')} }`;
