/** Row ids are UUIDs. Checking the shape first turns a malformed id into NOT_FOUND instead of a Postgres cast error. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` can be a row id at all. */
export const isUuid = (id: string): boolean => UUID.test(id);
