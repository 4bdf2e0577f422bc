/** Tables of the methods feature (custom methods, private notes, agendas, recorded method choices). */
// biome-ignore lint/complexity/noBannedTypes: filled by the feature as it adds tables
export type MethodsTables = {};
