import { ActivitySpecSchema, LiveCommandBodySchema, LiveEventSchema } from '@essaim/contracts';
import { ACTIVITY_DEFAULTS, ACTIVITY_KINDS, ACTIVITY_MODULES } from '@essaim/core/live';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_MENU, ACTIVITY_SCREENS } from './activities/registry';
import type { ConfigContext } from './activities/types';
import { itemsFromLines } from './add-activity';

/**
 * Every live activity kind, from the one tuple in core, is complete end to end: a core module, a wire
 * contract (spec, commands, events), a place in the console's menu, its web screens in the registry
 * (participant input, results, config form and the spec it builds) and its own strings (name, add-form
 * hint and the rest) in both languages.
 */
/** A form every kind can build from: two items, a proposal and a brainstorm to cluster. */
function completeForm(kind: string): ConfigContext {
  return {
    name: `A ${kind}`,
    values: {
      lines: 'One\nTwo',
      proposal: 'We meet on Mondays',
      dots: 3,
      minutes: 5,
      scale: 'oneToFive',
      showNames: false,
      source: null,
      extra: {},
    },
    items: itemsFromLines('One\nTwo'),
    brainstorms: [{ value: 'a1', label: 'Ideas' }],
    activities: [{ value: 'a1', label: 'Ideas', type: 'brainstorm' }],
    labelsOf: () => ['One', 'Two'],
  };
}

describe('every activity kind is wired end to end', () => {
  const specKinds = ActivitySpecSchema.options.map((o) => o.shape.type.value);
  const commandTypes = LiveCommandBodySchema.options.map((o) => o.shape.type.value as string);
  const eventTypes = LiveEventSchema.options.map((o) => o.shape.type.value as string);

  for (const kind of ACTIVITY_KINDS) {
    it(kind, () => {
      const module = ACTIVITY_MODULES[kind];
      for (const op of ['validate', 'create', 'decide', 'apply', 'results', 'ownState', 'redact'] as const) {
        expect(typeof module[op], `${kind}.${op}`).toBe('function');
      }
      expect(ACTIVITY_DEFAULTS[kind]).toBeTypeOf('object');
      expect(specKinds).toContain(kind);
      expect(commandTypes.some((t) => t.startsWith(`${kind}.`))).toBe(true);
      expect(eventTypes.some((t) => t.startsWith(`${kind}.`))).toBe(true);
      expect(ACTIVITY_MENU as readonly string[]).toContain(kind);
      const screens = ACTIVITY_SCREENS[kind];
      for (const part of ['Input', 'Results', 'ConfigForm', 'buildSpec'] as const) {
        expect(typeof screens[part], `${kind}.${part}`).toBe('function');
      }
      // The form's spec, once complete, is one the wire contract accepts for this kind.
      const spec = screens.buildSpec(completeForm(kind));
      expect(spec?.type, `${kind} spec`).toBe(kind);
      expect(ActivitySpecSchema.safeParse(spec).success, `${kind} spec valid`).toBe(true);
      // Its own strings: the same keys in both languages, none empty (name and hint at least).
      const { fr, en } = screens.strings;
      expect(Object.keys(fr).sort(), `${kind} strings`).toEqual(Object.keys(en).sort());
      for (const value of [...Object.values(fr), ...Object.values(en)]) {
        expect(String(value).trim(), `${kind} string`).toBeTruthy();
      }
      expect(fr.name && fr.hint && en.name && en.hint).toBeTruthy();
    });
  }

  it('has one default per config field, shared by the console and agendas (word cloud: 80 characters)', () => {
    expect(ACTIVITY_DEFAULTS.wordCloud).toEqual({ maxAnswersPerParticipant: 3, maxLength: 80 });
    // Defaults are valid configs wherever they are complete on their own.
    const state = { activities: {}, activityOrder: [] } as never;
    expect(ACTIVITY_MODULES.wordCloud.validate({ ...ACTIVITY_DEFAULTS.wordCloud }, state)).toBeNull();
    expect(ACTIVITY_MODULES.brainstorm.validate({ ...ACTIVITY_DEFAULTS.brainstorm }, state)).toBeNull();
  });
});
