import { describe, expect, it } from 'vitest';
import { METHOD_CATALOGUE } from './catalogue';
import {
  CYNEFIN_DOMAINS,
  IC_FORMS,
  LIVE_ACTIVITIES,
  type LocalizedText,
  METHOD_FAMILIES,
  METHOD_MODES,
  METHOD_SCHEMA_VERSION,
  type Range,
} from './types';

/** The 76 ids of /work/shared/reference/methods.json, each of which must stay in the catalogue. */
const REFERENCE_IDS = [
  'ls-1-2-4-all',
  'ls-impromptu-networking',
  'ls-nine-whys',
  'ls-wicked-questions',
  'ls-appreciative-interviews',
  'ls-triz',
  'ls-15-percent-solutions',
  'ls-troika-consulting',
  'ls-what-so-what-now-what',
  'ls-discovery-action-dialogue',
  'ls-shift-and-share',
  'ls-25-10-crowd-sourcing',
  'ls-wise-crowds',
  'ls-min-specs',
  'ls-improv-prototyping',
  'ls-helping-heuristics',
  'ls-conversation-cafe',
  'ls-user-experience-fishbowl',
  'ls-heard-seen-respected',
  'ls-drawing-together',
  'ls-design-storyboards',
  'ls-celebrity-interview',
  'ls-social-network-webbing',
  'ls-what-i-need-from-you',
  'open-space-technology',
  'ls-generative-relationships-star',
  'ls-agreement-certainty-matrix',
  'ls-simple-ethnography',
  'ls-integrated-autonomy',
  'ls-critical-uncertainties',
  'ls-ecocycle-planning',
  'ls-panarchy',
  'ls-purpose-to-practice',
  'world-cafe',
  'appreciative-inquiry-4d',
  'codeveloppement-professionnel',
  'consent-decision-making',
  'election-sans-candidat',
  'advice-process',
  'six-thinking-hats',
  'brainwriting-635',
  'fishbowl',
  'design-thinking-workshop',
  'theory-u',
  'deep-democracy-lewis',
  'circle-practice',
  'dynamic-facilitation',
  'future-search',
  'dragon-dreaming',
  'lean-coffee',
  'agile-retrospective',
  'delphi',
  'nominal-group-technique',
  'pairwise-wiki-survey',
  'polis-opinion-mapping',
  'citizens-assembly',
  'dot-voting',
  'fist-to-five',
  'obeya',
  'lego-serious-play',
  'brainstorming',
  'photolangage',
  'metaplan',
  'orid-focused-conversation',
  'top-consensus-workshop',
  'pro-action-cafe',
  'holacracy-governance-meeting',
  'formal-consensus',
  'gradients-of-agreement',
  'majority-judgment',
  'pre-mortem',
  'debat-mouvant',
  'forum-theatre',
  'bohm-dialogue',
  'delegation-poker',
  'working-agreements',
];

/** Practitioner staples the issue asks for explicitly. */
const EXPECTED_STAPLES = [
  'election-sans-candidat',
  'advice-process',
  'consent-decision-making',
  'agile-retrospective',
  'fishbowl',
  'lean-coffee',
  'dot-voting',
  'fist-to-five',
  'gradients-of-agreement',
  'pre-mortem',
  'check-in-round',
  'check-out-round',
  'safe-to-fail-probes',
  'crisis-huddle',
];

const isFilled = (text: LocalizedText): boolean => text.fr.trim().length > 0 && text.en.trim().length > 0;

const isValidRange = (range: Range): boolean =>
  Number.isInteger(range.min) &&
  range.min >= 1 &&
  (range.max === null || (Number.isInteger(range.max) && range.max >= range.min));

describe('method catalogue', () => {
  it('has a schema version', () => {
    expect(METHOD_SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('holds at least 80 methods with unique kebab-case ids', () => {
    expect(METHOD_CATALOGUE.length).toBeGreaterThanOrEqual(80);
    const ids = METHOD_CATALOGUE.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('keeps every method of the reference file and the expected staples', () => {
    const ids = new Set(METHOD_CATALOGUE.map((m) => m.id));
    expect(REFERENCE_IDS).toHaveLength(76);
    for (const id of [...REFERENCE_IDS, ...EXPECTED_STAPLES]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('covers every family', () => {
    for (const family of METHOD_FAMILIES) {
      expect(
        METHOD_CATALOGUE.some((m) => m.family === family),
        family,
      ).toBe(true);
    }
  });

  describe.each(METHOD_CATALOGUE.map((m) => [m.id, m] as const))('%s', (_id, method) => {
    it('uses valid enumerations and ratings', () => {
      expect(METHOD_FAMILIES).toContain(method.family);
      expect(METHOD_MODES).toContain(method.mode);
      expect(method.icForms.length).toBeGreaterThan(0);
      expect(new Set(method.icForms).size).toBe(method.icForms.length);
      for (const form of method.icForms) {
        expect(IC_FORMS).toContain(form);
      }
      expect(method.cynefin.length).toBeGreaterThan(0);
      for (const domain of method.cynefin) {
        expect(CYNEFIN_DOMAINS).toContain(domain);
      }
      expect([1, 2, 3]).toContain(method.facilitationSkill);
      expect([1, 2, 3, 4, 5]).toContain(method.trustRequired);
      if (method.liveActivity !== undefined) {
        expect(LIVE_ACTIVITIES).toContain(method.liveActivity);
      }
    });

    it('has consistent ranges', () => {
      expect(isValidRange(method.groupSize)).toBe(true);
      expect(isValidRange(method.durationMinutes)).toBe(true);
      if (method.elapsedDays !== undefined) {
        expect(isValidRange(method.elapsedDays)).toBe(true);
      }
    });

    it('has every text filled in both languages', () => {
      expect(isFilled(method.name)).toBe(true);
      expect(isFilled(method.purpose)).toBe(true);
      expect(method.purpose.fr).not.toBe(method.purpose.en);
      expect(method.steps.length).toBeGreaterThanOrEqual(3);
      expect(method.steps.length).toBeLessThanOrEqual(6);
      for (const list of [method.advantages, method.drawbacks]) {
        expect(list.length).toBeGreaterThanOrEqual(2);
        expect(list.length).toBeLessThanOrEqual(4);
      }
      for (const list of [
        method.steps,
        method.advantages,
        method.drawbacks,
        method.contraIndications,
        method.materials,
      ]) {
        expect(list.length).toBeGreaterThan(0);
        for (const item of list) {
          expect(isFilled(item)).toBe(true);
        }
      }
      for (const step of method.steps) {
        expect(step.fr).not.toBe(step.en);
      }
      expect(method.source.trim()).not.toBe('');
      expect(method.credit.trim()).not.toBe('');
    });

    it('credits Liberating Structures and names trademarks only generically', () => {
      if (method.id.startsWith('ls-')) {
        expect(method.credit).toContain('Lipmanowicz');
        expect(method.credit).toContain('McCandless');
      }
      for (const text of [method.name.fr, method.name.en]) {
        expect(text).not.toMatch(/®|™|Six Thinking Hats|LEGO|Holacracy|Photolangage|Crazy 8/i);
      }
    });
  });
});
