/** @module The web screens of this live activity kind, as `../registry.ts` lists them. */
import type { ActivityScreens } from '../types';
import { buildGroups, GroupsConfigForm } from './config-form';
import { GroupsInput } from './input';
import { GroupsResultsView } from './results';
import { groupsStrings } from './strings';
import { GroupsTools } from './tools';

export const groupsScreens: ActivityScreens<'groups'> = {
  Input: GroupsInput,
  Results: GroupsResultsView,
  ConfigForm: GroupsConfigForm,
  buildSpec: buildGroups,
  Tools: GroupsTools,
  strings: groupsStrings,
  isInputEnough: true,
};
