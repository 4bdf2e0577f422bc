export { assertNever } from './assert.ts';
export { ACTIONS, type Action, actionsOf, can, isRole, ROLES, type Role } from './permissions.ts';
