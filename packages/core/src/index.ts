export { assertNever } from './assert.ts';
