/** Tables of the workshops feature (live workshops: events, snapshots, participants). */
// biome-ignore lint/complexity/noBannedTypes: filled by the feature as it adds tables
export type WorkshopsTables = {};
