/** Tables of the surveys feature (instruments, campaigns, invitations, responses). */
// biome-ignore lint/complexity/noBannedTypes: filled by the feature as it adds tables
export type SurveysTables = {};
