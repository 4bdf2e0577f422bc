export * from './ics.ts';
export * from './kinds.ts';
