export * from './errors.ts';
export * from './health.ts';
export * from './identity.ts';
export * from './ws.ts';
export * from './engagements.ts';
export * from './people.ts';
