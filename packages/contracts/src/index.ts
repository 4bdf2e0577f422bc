export * from './engagements.ts';
export * from './errors.ts';
export * from './health.ts';
export * from './identity.ts';
export * from './live.ts';
export * from './people.ts';
export * from './ws.ts';
