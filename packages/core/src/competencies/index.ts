/**
 * @module @essaim/core/competencies — consultant self-assessment: the competency grid, evidence
 * rules over platform facts, feedback aggregated through the diagnostics disclosure planner, and
 * development-plan progress. Pure: no I/O.
 */
export * from './evidence';
export * from './feedback';
export * from './grid';
export * from './levels';
export * from './progress';
