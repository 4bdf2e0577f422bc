/**
 * @module @essaim/core/diagnostics — collective diagnostics: instruments, scoring, themes,
 * before/after comparison and confidentiality (thresholds and anti-differencing).
 */
export * from './aggregate-cuts';
export * from './answer-sums';
export * from './build-instrument';
export * from './compare-campaigns';
export * from './cuts';
export * from './disclosure-plan';
export * from './effectiveness';
export * from './essaim-ic';
export * from './highlights';
export * from './instrument';
export * from './interpret';
export * from './plan-disclosure';
export * from './response-matrix';
export * from './scales';
export * from './score-campaign';
export * from './statistics';
export * from './submission';
export * from './summary';
export * from './themes';
export * from './thresholds';
