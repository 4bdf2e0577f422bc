/** Tables of the conversations feature (opinion-mapping conversations: statements, votes, results). */
// biome-ignore lint/complexity/noBannedTypes: filled by the feature as it adds tables
export type ConversationsTables = {};
