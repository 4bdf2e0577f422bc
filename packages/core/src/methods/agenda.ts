/**
 * @module Pure agenda composition: ordered items (methods, custom blocks, breaks) with
 * computed clock times, time budget checks, reorder helpers, classic templates and a JSON
 * export shape.
 *
 * Times are minutes since midnight of the start day; a workshop running past midnight
 * keeps counting (e.g. 1500 = 01:00 the next day, `dayOffset` 1).
 */
import type { Language, LocalizedText, Method, MethodFamily } from './types';
import { t } from './types';

export type AgendaItem =
  | {
      readonly kind: 'method';
      readonly methodId: string;
      readonly durationMinutes: number;
      readonly notes?: string;
      /** Overrides the method's own materials in exports. */
      readonly materials?: readonly string[];
    }
  | {
      readonly kind: 'custom';
      readonly title: string;
      readonly durationMinutes: number;
      readonly notes?: string;
      readonly materials?: readonly string[];
    }
  | { readonly kind: 'break'; readonly durationMinutes: number; readonly label?: string };

export interface AgendaInput {
  readonly title?: string;
  /** Start time, "HH:MM" (24 h). */
  readonly start: string;
  /** Time budget in minutes, if any. */
  readonly availableMinutes?: number;
  readonly items: readonly AgendaItem[];
}

export interface ScheduledItem {
  readonly index: number;
  readonly item: AgendaItem;
  /** Minutes since midnight of the start day. */
  readonly startMinute: number;
  readonly endMinute: number;
  /** "HH:MM" on a 24 h clock. */
  readonly start: string;
  readonly end: string;
  /** Days after the start day (0 on the same day). */
  readonly dayOffset: number;
}

/** Long stretch (minutes) without a break that triggers a warning. */
export const LONG_STRETCH_MINUTES = 90;

export type AgendaWarning =
  | {
      readonly code: 'OVER_AVAILABLE';
      readonly overBy: number;
      readonly available: number;
      readonly total: number;
    }
  | { readonly code: 'UNKNOWN_METHOD'; readonly index: number; readonly methodId: string }
  | {
      readonly code: 'DURATION_BELOW_METHOD_MIN';
      readonly index: number;
      readonly methodId: string;
      readonly min: number;
      readonly planned: number;
    }
  | {
      readonly code: 'DURATION_ABOVE_METHOD_MAX';
      readonly index: number;
      readonly methodId: string;
      readonly max: number;
      readonly planned: number;
    }
  | { readonly code: 'NO_BREAK_FOR_LONG'; readonly index: number; readonly minutes: number };

export interface ComposedAgenda {
  readonly title: string;
  readonly start: string;
  readonly end: string;
  readonly items: readonly ScheduledItem[];
  readonly totalMinutes: number;
  readonly breakMinutes: number;
  readonly availableMinutes: number | null;
  /** available − total; negative when over budget, null without a budget. */
  readonly remainingMinutes: number | null;
  readonly isOverTime: boolean;
  readonly warnings: readonly AgendaWarning[];
}

const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTES_PER_DAY = 24 * 60;

/** Parses "HH:MM" into minutes since midnight. */
export function parseClock(clock: string): number {
  const match = CLOCK_PATTERN.exec(clock);
  if (match === null) {
    throw new RangeError(`methods/parseClock: expected "HH:MM", got "${clock}"`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Formats minutes since midnight as "HH:MM", wrapping past midnight. */
export function formatClock(minutes: number): string {
  const wrapped = ((Math.round(minutes) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  const hours = Math.floor(wrapped / 60);
  return `${String(hours).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}

/**
 * Computes times, totals and warnings. The catalogue is used to check method ids and
 * planned durations against each method's range.
 *
 * @example composeAgenda({ start: '09:00', availableMinutes: 60, items }, METHOD_CATALOGUE)
 */
export function composeAgenda(input: AgendaInput, catalogue: readonly Method[] = []): ComposedAgenda {
  const startMinute = parseClock(input.start);
  if (input.availableMinutes !== undefined && !(input.availableMinutes >= 0)) {
    throw new RangeError('methods/composeAgenda: availableMinutes must be ≥ 0');
  }
  const byId = new Map(catalogue.map((method) => [method.id, method]));
  const warnings: AgendaWarning[] = [];
  const items: ScheduledItem[] = [];
  let cursor = startMinute;
  let breakMinutes = 0;
  let stretch = 0;
  let hasWarnedStretch = false;
  input.items.forEach((item, index) => {
    if (!Number.isInteger(item.durationMinutes) || item.durationMinutes < 0) {
      throw new RangeError(`methods/composeAgenda: item ${index} needs an integer duration ≥ 0`);
    }
    const endMinute = cursor + item.durationMinutes;
    items.push({
      index,
      item,
      startMinute: cursor,
      endMinute,
      start: formatClock(cursor),
      end: formatClock(endMinute),
      dayOffset: Math.floor(cursor / MINUTES_PER_DAY),
    });
    cursor = endMinute;
    if (item.kind === 'break') {
      breakMinutes += item.durationMinutes;
      stretch = 0;
      hasWarnedStretch = false;
      return;
    }
    stretch += item.durationMinutes;
    if (stretch > LONG_STRETCH_MINUTES && !hasWarnedStretch) {
      warnings.push({ code: 'NO_BREAK_FOR_LONG', index, minutes: stretch });
      hasWarnedStretch = true;
    }
    if (item.kind === 'method' && catalogue.length > 0) {
      warnings.push(...checkMethodItem(item.methodId, item.durationMinutes, index, byId));
    }
  });
  const totalMinutes = cursor - startMinute;
  const available = input.availableMinutes ?? null;
  const remainingMinutes = available === null ? null : available - totalMinutes;
  if (available !== null && totalMinutes > available) {
    warnings.unshift({
      code: 'OVER_AVAILABLE',
      overBy: totalMinutes - available,
      available,
      total: totalMinutes,
    });
  }
  return {
    title: input.title ?? '',
    start: input.start,
    end: formatClock(cursor),
    items,
    totalMinutes,
    breakMinutes,
    availableMinutes: available,
    remainingMinutes,
    isOverTime: remainingMinutes !== null && remainingMinutes < 0,
    warnings,
  };
}

function checkMethodItem(
  methodId: string,
  planned: number,
  index: number,
  byId: ReadonlyMap<string, Method>,
): AgendaWarning[] {
  const method = byId.get(methodId);
  if (method === undefined) {
    return [{ code: 'UNKNOWN_METHOD', index, methodId }];
  }
  const { min, max } = method.durationMinutes;
  if (planned < min) {
    return [{ code: 'DURATION_BELOW_METHOD_MIN', index, methodId, min, planned }];
  }
  if (max !== null && planned > max) {
    return [{ code: 'DURATION_ABOVE_METHOD_MAX', index, methodId, max, planned }];
  }
  return [];
}

// ─── Reorder helpers (all return new arrays) ───────────────────────────────

/** Moves the item at `from` so that it ends up at index `to`. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  assertIndex(items, from, 'moveItem');
  assertIndex(items, to, 'moveItem');
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** Swaps two items. */
export function swapItems<T>(items: readonly T[], a: number, b: number): T[] {
  assertIndex(items, a, 'swapItems');
  assertIndex(items, b, 'swapItems');
  const next = [...items];
  next[a] = items[b] as T;
  next[b] = items[a] as T;
  return next;
}

/** Inserts an item at `index` (0 … length). */
export function insertItem<T>(items: readonly T[], index: number, item: T): T[] {
  if (!Number.isInteger(index) || index < 0 || index > items.length) {
    throw new RangeError(`methods/insertItem: index ${index} out of range`);
  }
  return [...items.slice(0, index), item, ...items.slice(index)];
}

/** Removes the item at `index`. */
export function removeItem<T>(items: readonly T[], index: number): T[] {
  assertIndex(items, index, 'removeItem');
  return items.filter((_, i) => i !== index);
}

/** Replaces the item at `index`. */
export function replaceItem<T>(items: readonly T[], index: number, item: T): T[] {
  assertIndex(items, index, 'replaceItem');
  return items.map((current, i) => (i === index ? item : current));
}

function assertIndex(items: readonly unknown[], index: number, fn: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= items.length) {
    throw new RangeError(`methods/${fn}: index ${index} out of range`);
  }
}

// ─── Templates ─────────────────────────────────────────────────────────────

export interface AgendaTemplateStep {
  readonly label: LocalizedText;
  /** Family the step serves; `null` for breaks and free work blocks. */
  readonly family: MethodFamily | null;
  /** Suggested method, replaceable by any method of the same family. */
  readonly methodId: string | null;
  readonly durationMinutes: number;
  readonly kind: AgendaItem['kind'];
}

export interface AgendaTemplate {
  readonly id: string;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly steps: readonly AgendaTemplateStep[];
}

const methodStep = (
  family: MethodFamily,
  methodId: string,
  durationMinutes: number,
  label: LocalizedText,
): AgendaTemplateStep => ({ label, family, methodId, durationMinutes, kind: 'method' });

const breakStep = (durationMinutes: number): AgendaTemplateStep => ({
  label: t('Pause', 'Break'),
  family: null,
  methodId: null,
  durationMinutes,
  kind: 'break',
});

/** Classic workshop sequences. */
export const AGENDA_TEMPLATES: readonly AgendaTemplate[] = [
  {
    id: 'diverge-converge-decide',
    name: t('Ouvrir, converger, décider', 'Diverge, converge, decide'),
    description: t(
      'La séquence classique : produire largement, regrouper et prioriser, puis décider avec une règle annoncée.',
      'The classic sequence: generate widely, cluster and prioritise, then decide with an announced rule.',
    ),
    steps: [
      methodStep('relate', 'check-in-round', 10, t('Météo d’ouverture', 'Check-in')),
      methodStep('diverge', 'ls-1-2-4-all', 15, t('Produire des idées', 'Generate ideas')),
      methodStep('converge', 'affinity-mapping', 20, t('Regrouper', 'Cluster')),
      methodStep('converge', 'dot-voting', 10, t('Prioriser', 'Prioritise')),
      breakStep(10),
      methodStep('decide', 'consent-decision-making', 30, t('Décider', 'Decide')),
      methodStep('reflect', 'check-out-round', 5, t('Tour de clôture', 'Check-out')),
    ],
  },
  {
    id: 'checkin-work-checkout',
    name: t('Ouverture, travail, clôture', 'Check-in, work, check-out'),
    description: t(
      'Un cadre minimal pour toute réunion : se rendre présent, travailler, clore proprement.',
      'A minimal frame for any meeting: arrive, work, close cleanly.',
    ),
    steps: [
      methodStep('relate', 'check-in-round', 10, t('Météo d’ouverture', 'Check-in')),
      {
        label: t('Travail', 'Work'),
        family: null,
        methodId: null,
        durationMinutes: 60,
        kind: 'custom',
      },
      methodStep('reflect', 'check-out-round', 10, t('Tour de clôture', 'Check-out')),
    ],
  },
  {
    id: 'learn-and-act',
    name: t('Apprendre puis agir', 'Learn, then act'),
    description: t(
      'Tirer les leçons d’une expérience, puis s’engager sur des premiers pas à sa portée.',
      'Learn from an experience, then commit to first steps within reach.',
    ),
    steps: [
      methodStep('relate', 'check-in-round', 10, t('Météo d’ouverture', 'Check-in')),
      methodStep(
        'reflect',
        'ls-what-so-what-now-what',
        35,
        t('Quoi ? Et alors ? Et maintenant ?', 'What, so what, now what?'),
      ),
      methodStep('plan', 'ls-15-percent-solutions', 20, t('Premiers pas', 'First steps')),
      methodStep('plan', 'action-plan', 15, t('Qui fait quoi, quand', 'Who does what, when')),
      methodStep('reflect', 'check-out-round', 5, t('Tour de clôture', 'Check-out')),
    ],
  },
  {
    id: 'complex-probe',
    name: t('Explorer et expérimenter', 'Explore and probe'),
    description: t(
      'Pour une question complexe : faire émerger les perspectives, nommer les tensions, puis lancer de petits essais sans danger.',
      'For a complex question: surface perspectives, name the tensions, then launch small safe-to-fail trials.',
    ),
    steps: [
      methodStep('diverge', 'ls-1-2-4-all', 15, t('Perspectives', 'Perspectives')),
      methodStep('reflect', 'ls-wicked-questions', 20, t('Tensions', 'Tensions')),
      breakStep(10),
      methodStep('plan', 'safe-to-fail-probes', 60, t('Essais sans danger', 'Safe-to-fail probes')),
      methodStep('decide', 'fist-to-five', 5, t('Vérifier le soutien', 'Check support')),
    ],
  },
];

export interface TemplateOptions {
  readonly start: string;
  readonly title?: string;
  /** When set, non-break durations are scaled to fill this budget (never below a method's minimum). */
  readonly availableMinutes?: number;
  /** Language of custom block titles. */
  readonly language?: Language;
}

/** Builds agenda input from a template, optionally scaled to a time budget. */
export function instantiateTemplate(
  templateId: string,
  options: TemplateOptions,
  catalogue: readonly Method[] = [],
): AgendaInput {
  const template = AGENDA_TEMPLATES.find((candidate) => candidate.id === templateId);
  if (template === undefined) {
    throw new RangeError(`methods/instantiateTemplate: unknown template "${templateId}"`);
  }
  const language = options.language ?? 'fr';
  const byId = new Map(catalogue.map((method) => [method.id, method]));
  const fixed = template.steps
    .filter((step) => step.kind === 'break')
    .reduce((s, step) => s + step.durationMinutes, 0);
  const flexible = template.steps.reduce((s, step) => s + step.durationMinutes, 0) - fixed;
  const factor =
    options.availableMinutes === undefined || flexible === 0
      ? 1
      : Math.max(0, options.availableMinutes - fixed) / flexible;
  const items = template.steps.map((step): AgendaItem => {
    if (step.kind === 'break') {
      return { kind: 'break', durationMinutes: step.durationMinutes, label: step.label[language] };
    }
    const minimum = step.methodId === null ? 1 : (byId.get(step.methodId)?.durationMinutes.min ?? 1);
    const durationMinutes = Math.max(minimum, Math.round(step.durationMinutes * factor));
    if (step.kind === 'method' && step.methodId !== null) {
      return { kind: 'method', methodId: step.methodId, durationMinutes, notes: step.label[language] };
    }
    return { kind: 'custom', title: step.label[language], durationMinutes };
  });
  return {
    title: options.title ?? template.name[language],
    start: options.start,
    ...(options.availableMinutes === undefined ? {} : { availableMinutes: options.availableMinutes }),
    items,
  };
}

// ─── JSON export ───────────────────────────────────────────────────────────

export const AGENDA_EXPORT_VERSION = 1 as const;

export interface AgendaExportItem {
  readonly order: number;
  readonly kind: AgendaItem['kind'];
  readonly methodId: string | null;
  readonly title: string;
  readonly start: string;
  readonly end: string;
  readonly dayOffset: number;
  readonly durationMinutes: number;
  readonly notes: string;
  readonly materials: readonly string[];
}

/** Stable, JSON-serialisable shape of an agenda (for files, the API and the CLI). */
export interface AgendaExport {
  readonly format: 'essaim.agenda';
  readonly version: typeof AGENDA_EXPORT_VERSION;
  readonly language: Language;
  readonly title: string;
  readonly start: string;
  readonly end: string;
  readonly totalMinutes: number;
  readonly breakMinutes: number;
  readonly availableMinutes: number | null;
  readonly items: readonly AgendaExportItem[];
  readonly warnings: readonly AgendaWarning[];
}

/** Converts a composed agenda into its JSON export shape, with texts in one language. */
export function exportAgenda(
  agenda: ComposedAgenda,
  catalogue: readonly Method[] = [],
  language: Language = 'fr',
): AgendaExport {
  const byId = new Map(catalogue.map((method) => [method.id, method]));
  return {
    format: 'essaim.agenda',
    version: AGENDA_EXPORT_VERSION,
    language,
    title: agenda.title,
    start: agenda.start,
    end: agenda.end,
    totalMinutes: agenda.totalMinutes,
    breakMinutes: agenda.breakMinutes,
    availableMinutes: agenda.availableMinutes,
    items: agenda.items.map(({ item, start, end, dayOffset }, order): AgendaExportItem => {
      const base = { order, kind: item.kind, start, end, dayOffset, durationMinutes: item.durationMinutes };
      switch (item.kind) {
        case 'break':
          return {
            ...base,
            methodId: null,
            title: item.label ?? t('Pause', 'Break')[language],
            notes: '',
            materials: [],
          };
        case 'custom':
          return {
            ...base,
            methodId: null,
            title: item.title,
            notes: item.notes ?? '',
            materials: item.materials ?? [],
          };
        case 'method': {
          const method = byId.get(item.methodId);
          return {
            ...base,
            methodId: item.methodId,
            title: method?.name[language] ?? item.methodId,
            notes: item.notes ?? '',
            materials: item.materials ?? method?.materials.map((material) => material[language]) ?? [],
          };
        }
        default:
          return assertUnreachable(item);
      }
    }),
    warnings: agenda.warnings,
  };
}

function assertUnreachable(value: never): never {
  throw new Error(`methods/agenda: unexpected item ${JSON.stringify(value)}`);
}
