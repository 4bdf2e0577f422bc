export * from './document.ts';
export * from './labels.ts';
