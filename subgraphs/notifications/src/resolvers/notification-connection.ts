import type { NotificationConnectionResolvers } from '../__generated__/resolvers-types.js';

/** The counts run their statements only when selected. */
export const NotificationConnection: NotificationConnectionResolvers = {
  totalCount: (page) => page.totalCount(),
  unreadCount: (page) => page.unreadCount(),
};
