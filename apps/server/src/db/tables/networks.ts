/** Tables of the networks feature (network surveys, imported networks, analyses, change-agent proposals). */
// biome-ignore lint/complexity/noBannedTypes: filled by the feature as it adds tables
export type NetworksTables = {};
