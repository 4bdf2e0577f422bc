/**
 * @module What each live activity kind gives the web app: the participant's input, its results, the
 * facilitator's config form (fields and the spec they build), found through `registry.ts`.
 */
import type {
  ActivityKind,
  ActivityOf,
  ActivityResults,
  ActivitySpec,
  RatingScale,
  WorkshopState,
} from '@essaim/core/live';
import type { ComponentType } from 'react';
import type { LiveSession } from '../live-session';
import type { ActivityStringsBase, Bilingual } from './shared/strings';

export interface InputProps<K extends ActivityKind = ActivityKind> {
  state: WorkshopState;
  activity: ActivityOf<K>;
  me: string;
  session: LiveSession;
}

/** The visible results of one kind. */
export type ResultsOf<K extends ActivityKind> = Extract<ActivityResults, { readonly type: K }>;

export interface ResultsProps<K extends ActivityKind = ActivityKind> {
  results: ResultsOf<K>;
  isLarge: boolean;
  /** On the room's screen: no chart/table switch (nobody there can click it). */
  isProjector: boolean;
}

export interface Row {
  readonly label: string;
  readonly value: number;
}

/** The add/edit form's values, shared by every kind so switching kinds keeps what was typed. */
export interface ConfigValues {
  lines: string;
  proposal: string;
  dots: number | string;
  minutes: number | string;
  scale: RatingScale;
  showNames: boolean;
  source: string | null;
  /** A kind's own fields (each kind reads and writes its keys; editing starts from the activity's config). */
  extra: Readonly<Record<string, unknown>>;
}

export interface ConfigContext {
  /** The title typed, or the kind's name. */
  name: string;
  values: ConfigValues;
  /** The textarea's lines as items. */
  items: { id: string; label: string }[];
  /** Brainstorms of this workshop, for a cluster's source. */
  brainstorms: { value: string; label: string }[];
  /** Every activity of the workshop (to take items from, or to regroup from). */
  activities: { value: string; label: string; type: ActivityKind }[];
  /** The labels an activity's results list, best first (cards, groups, ranked items). */
  labelsOf: (activityId: string) => string[];
}

export interface ConfigFormProps extends ConfigContext {
  set: <F extends keyof ConfigValues>(field: F, value: ConfigValues[F]) => void;
}

/** The facilitator's controls for the current activity, beside its results in the console. */
export interface ToolsProps<K extends ActivityKind = ActivityKind> {
  state: WorkshopState;
  activity: ActivityOf<K>;
  session: LiveSession;
}

export interface ActivityScreens<K extends ActivityKind> {
  Input: ComponentType<InputProps<K>>;
  Results: ComponentType<ResultsProps<K>>;
  /** The kind's own fields in the add/edit form (`null`: title only). */
  ConfigForm: ComponentType<ConfigFormProps>;
  /** The spec the form describes, or `null` while it is incomplete. */
  buildSpec: (ctx: ConfigContext) => Extract<ActivitySpec, { type: K }> | null;
  /** Bars for results that count something (absent: text results). */
  chartRows?: (results: ResultsOf<K>) => Row[];
  /** The phone's input already shows everything the results would (questions, groups): no results below it. */
  isInputEnough?: boolean;
  /** Facilitator controls in the console (absent: the generic open/close/reveal are enough). */
  Tools?: ComponentType<ToolsProps<K>>;
  /** The kind's own strings, at least its name and the add form's hint, in French and English. */
  // biome-ignore lint/suspicious/noExplicitAny: each kind has its own keys beyond name and hint
  strings: Bilingual<ActivityStringsBase & Record<string, any>>;
}
