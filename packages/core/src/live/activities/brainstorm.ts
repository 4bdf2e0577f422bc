/**
 * @module Brainstorm cards: participants post short cards, optionally anonymously; the
 * facilitator can hide (moderate) a card and show it again. Nothing is ever deleted.
 */
import type { ActivityDefaults, ActivityModule } from '../activity-types';
import type { DecideContext, ResultsContext } from '../context';
import { displayNameOf, viewerId } from '../context';
import type { BodyDecision } from '../model';
import { REDACTED_ID } from '../model';
import { accept, bump, cleanText, isIntegerIn, own, reject } from '../records';
import type { ActivityCommon } from './common';
import { MAX_TEXT, startWith } from './common';

/** `named`: authors shown; `anonymous`: never shown; `optional`: each author chooses. */
export const BRAINSTORM_ANONYMITY = ['named', 'anonymous', 'optional'] as const;

export interface BrainstormConfig {
  readonly anonymity: (typeof BRAINSTORM_ANONYMITY)[number];
  readonly maxCardsPerParticipant: number;
}

export interface Card {
  readonly id: string;
  readonly text: string;
  /** Author participant, `null` for the facilitator, {@link REDACTED_ID} in redacted copies. */
  readonly authorId: string | null;
  readonly isAnonymous: boolean;
  isHidden: boolean;
  readonly at: number;
}

export interface BrainstormData {
  cards: Record<string, Card>;
  cardOrder: string[];
  countByAuthor: Record<string, number>;
}

export interface BrainstormActivity extends ActivityCommon {
  readonly type: 'brainstorm';
  readonly config: BrainstormConfig;
  data: BrainstormData;
}

export type BrainstormCommand =
  | {
      readonly type: 'brainstorm.addCard';
      readonly activityId: string;
      readonly text: string;
      readonly isAnonymous?: boolean;
    }
  | { readonly type: 'brainstorm.hideCard'; readonly activityId: string; readonly cardId: string }
  | { readonly type: 'brainstorm.showCard'; readonly activityId: string; readonly cardId: string };

export type BrainstormEvent =
  | {
      readonly type: 'brainstorm.cardAdded';
      readonly activityId: string;
      readonly cardId: string;
      readonly text: string;
      readonly authorId: string | null;
      readonly isAnonymous: boolean;
    }
  | { readonly type: 'brainstorm.cardHidden'; readonly activityId: string; readonly cardId: string }
  | { readonly type: 'brainstorm.cardShown'; readonly activityId: string; readonly cardId: string };

export interface BrainstormResults {
  readonly type: 'brainstorm';
  readonly isHidden: false;
  readonly cards: readonly {
    readonly id: string;
    readonly text: string;
    /** Display name for named cards; `null` for anonymous ones (for everyone, facilitator included). */
    readonly author: string | null;
    readonly isMine: boolean;
    readonly isHidden: boolean;
  }[];
}

export interface BrainstormOwnState {
  readonly cards: readonly { readonly id: string; readonly text: string; readonly isAnonymous: boolean }[];
  readonly remaining: number;
}

export function validateBrainstormConfig(config: BrainstormConfig): string | null {
  if (!(BRAINSTORM_ANONYMITY as readonly string[]).includes(config.anonymity)) {
    return 'anonymity must be named, anonymous or optional';
  }
  return isIntegerIn(config.maxCardsPerParticipant, 1, 500) ? null : 'maxCardsPerParticipant must be 1..500';
}

export function createBrainstormData(): BrainstormData {
  return { cards: {}, cardOrder: [], countByAuthor: {} };
}

export function decideBrainstorm(
  ctx: DecideContext<BrainstormActivity>,
  command: BrainstormCommand,
): BodyDecision<BrainstormEvent> {
  const { activity, participantId } = ctx;
  switch (command.type) {
    case 'brainstorm.addCard': {
      const text = cleanText(command.text, MAX_TEXT);
      if (text === null) {
        return reject('INVALID', `card text must be 1..${MAX_TEXT} characters`);
      }
      const isAnonymous =
        activity.config.anonymity === 'anonymous' ||
        (activity.config.anonymity === 'optional' && command.isAnonymous === true);
      if (participantId !== null) {
        const count = own(activity.data.countByAuthor, participantId) ?? 0;
        if (count >= activity.config.maxCardsPerParticipant) {
          return reject('LIMIT_REACHED', `at most ${activity.config.maxCardsPerParticipant} cards each`);
        }
      }
      const cardId = ctx.newId('card');
      return accept({
        type: 'brainstorm.cardAdded',
        activityId: activity.id,
        cardId,
        text,
        authorId: participantId,
        isAnonymous,
      });
    }
    case 'brainstorm.hideCard':
    case 'brainstorm.showCard': {
      if (participantId !== null) {
        return reject('FORBIDDEN', 'only the facilitator moderates cards');
      }
      const card = own(activity.data.cards, command.cardId);
      if (card === undefined) {
        return reject('NOT_FOUND', 'no such card');
      }
      const isHide = command.type === 'brainstorm.hideCard';
      if (card.isHidden === isHide) {
        return reject('CONFLICT', isHide ? 'card already hidden' : 'card already shown');
      }
      return accept({
        type: isHide ? 'brainstorm.cardHidden' : 'brainstorm.cardShown',
        activityId: activity.id,
        cardId: card.id,
      });
    }
  }
}

/** Mutates the activity (fast path; see `applyInPlace`). */
export function applyBrainstorm(activity: BrainstormActivity, event: BrainstormEvent, at: number): void {
  const data = activity.data;
  switch (event.type) {
    case 'brainstorm.cardAdded':
      data.cards[event.cardId] = {
        id: event.cardId,
        text: event.text,
        authorId: event.authorId,
        isAnonymous: event.isAnonymous,
        isHidden: false,
        at,
      };
      data.cardOrder.push(event.cardId);
      if (event.authorId !== null && event.authorId !== REDACTED_ID) {
        bump(data.countByAuthor, event.authorId, 1);
      }
      return;
    case 'brainstorm.cardHidden':
    case 'brainstorm.cardShown': {
      const card = own(data.cards, event.cardId);
      if (card !== undefined) {
        card.isHidden = event.type === 'brainstorm.cardHidden';
      }
      return;
    }
  }
}

export function resultsOfBrainstorm(ctx: ResultsContext<BrainstormActivity>): BrainstormResults {
  const me = viewerId(ctx.viewer);
  const isFacilitator = me === null;
  const cards: BrainstormResults['cards'][number][] = [];
  for (const id of ctx.activity.data.cardOrder) {
    const card = ctx.activity.data.cards[id];
    if (card === undefined || (card.isHidden && !isFacilitator)) {
      continue;
    }
    cards.push({
      id,
      text: card.text,
      author: card.isAnonymous ? null : displayNameOf(ctx.state, card.authorId),
      isMine: me !== null && card.authorId === me,
      isHidden: card.isHidden,
    });
  }
  return { type: 'brainstorm', isHidden: false, cards };
}

export function ownStateOfBrainstorm(
  activity: BrainstormActivity,
  participantId: string,
): BrainstormOwnState {
  const cards = activity.data.cardOrder
    .map((id) => activity.data.cards[id])
    .filter((card): card is Card => card !== undefined && card.authorId === participantId)
    .map((card) => ({ id: card.id, text: card.text, isAnonymous: card.isAnonymous }));
  return { cards, remaining: activity.config.maxCardsPerParticipant - cards.length };
}

/** Copy for one participant: others' cards only once revealed, never hidden ones, no anonymous author. */
export function redactBrainstorm(activity: BrainstormActivity, participantId: string): BrainstormData {
  const data = createBrainstormData();
  for (const id of activity.data.cardOrder) {
    const card = activity.data.cards[id];
    if (card === undefined) {
      continue;
    }
    const isMine = card.authorId === participantId;
    if (!isMine && (card.isHidden || !activity.isRevealed)) {
      continue;
    }
    const authorId = isMine || !card.isAnonymous ? card.authorId : REDACTED_ID;
    data.cards[id] = { ...card, authorId };
    data.cardOrder.push(id);
  }
  const count = own(activity.data.countByAuthor, participantId);
  if (count !== undefined) {
    data.countByAuthor[participantId] = count;
  }
  return data;
}

/**
 * The brainstorm activity as one module: its config defaults (the fields a facilitator does not type) and
 * every operation the reducer, the server and the web dispatch to.
 */
export const brainstormModule = {
  kind: 'brainstorm',
  defaults: { anonymity: 'optional', maxCardsPerParticipant: 10 },
  fromAgenda: () => startWith({ anonymity: 'optional', maxCardsPerParticipant: 10 } as const),
  sample: {
    config: () => ({ anonymity: 'named', maxCardsPerParticipant: 5 }),
    input: (activityId, p) => ({ type: 'brainstorm.addCard', activityId, text: `secret of ${p}` }),
  },
  validate: validateBrainstormConfig,
  create: createBrainstormData,
  decide: decideBrainstorm,
  apply: applyBrainstorm,
  results: resultsOfBrainstorm,
  ownState: ownStateOfBrainstorm,
  redact: redactBrainstorm,
} as const satisfies ActivityModule<BrainstormActivity, BrainstormCommand, BrainstormEvent> &
  ActivityDefaults<BrainstormActivity>;
