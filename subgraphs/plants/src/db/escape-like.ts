/**
 * Prisma turns `contains` and case-insensitive `equals` into LIKE / ILIKE without escaping the pattern, so a room named
 * "Bed_room" would match "Bedroom" and a search for "%" every row. Every user text given to those filters goes through
 * this (backslash is Postgres's default LIKE escape character).
 */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
