export * from './anonymise.ts';
export * from './community.ts';
export * from './diffusion.ts';
export * from './markdown.ts';
export * from './similarity.ts';
export * from './types.ts';
