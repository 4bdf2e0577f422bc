/**
 * The specification (cahier des charges): a structured document generated from the engagement, then
 * edited by people. Each section keeps what was pulled in (text and sources) so that a later read can
 * say what changed in the sources since: the editor's text is never overwritten behind their back.
 */

export const SPEC_SECTION_KEYS = [
  'context',
  'intention',
  'questions',
  'diagnosis',
  'options',
  'methods',
  'governance',
  'charters',
  'constraints',
  'deliverables',
  'roles',
  'ethics',
  'evaluation',
] as const;
export type SpecSectionKey = (typeof SPEC_SECTION_KEYS)[number];

export interface SpecSource {
  kind: string;
  id: string;
  label: string;
}

export interface PulledContent {
  text: string;
  sources: SpecSource[];
}

export interface SpecSection {
  key: SpecSectionKey;
  /** The text people edit. */
  text: string;
  /** What the generator pulled in when this section was last refreshed. */
  pulled: PulledContent;
}

export interface SectionChange {
  changed: boolean;
  addedSources: SpecSource[];
  removedSources: SpecSource[];
  /** Lines of the current pulled text that were not in the stored one, and the reverse. */
  addedLines: string[];
  removedLines: string[];
}

const sourceKey = (s: SpecSource) => `${s.kind}:${s.id}`;

/** What changed in a section's sources since it was pulled in (line-level, order-insensitive). */
export function sectionChange(stored: PulledContent, current: PulledContent): SectionChange {
  const storedKeys = new Set(stored.sources.map(sourceKey));
  const currentKeys = new Set(current.sources.map(sourceKey));
  const storedLines = new Set(stored.text.split('\n').filter((l) => l.trim() !== ''));
  const currentLines = new Set(current.text.split('\n').filter((l) => l.trim() !== ''));
  const addedSources = current.sources.filter((s) => !storedKeys.has(sourceKey(s)));
  const removedSources = stored.sources.filter((s) => !currentKeys.has(sourceKey(s)));
  const addedLines = [...currentLines].filter((l) => !storedLines.has(l));
  const removedLines = [...storedLines].filter((l) => !currentLines.has(l));
  return {
    changed: addedSources.length + removedSources.length + addedLines.length + removedLines.length > 0,
    addedSources,
    removedSources,
    addedLines,
    removedLines,
  };
}

/** A new document from freshly pulled content: each section starts as what was pulled. */
export function sectionsFromPulled(pulled: Record<SpecSectionKey, PulledContent>): SpecSection[] {
  return SPEC_SECTION_KEYS.map((key) => ({ key, text: pulled[key].text, pulled: pulled[key] }));
}

/** Section titles for exported documents (the web app words them through i18n). */
export const SPEC_SECTION_TITLES: Record<SpecSectionKey, { fr: string; en: string }> = {
  context: { fr: 'Contexte et demande', en: 'Context and request' },
  intention: { fr: 'Intention', en: 'Intention' },
  questions: { fr: 'Questions essentielles', en: 'Essential questions' },
  diagnosis: { fr: 'Ce que le diagnostic a montré', en: 'What the diagnosis found' },
  options: { fr: 'Options retenues et par qui', en: 'Options chosen and by whom' },
  methods: { fr: 'Méthodes prévues', en: 'Methods planned' },
  governance: { fr: 'Gouvernance et règles de décision', en: 'Governance and decision rules' },
  charters: { fr: 'Chartes', en: 'Charters' },
  constraints: { fr: 'Contraintes', en: 'Constraints' },
  deliverables: { fr: 'Livrables', en: 'Deliverables' },
  roles: { fr: 'Rôles du consultant et du commanditaire', en: 'Roles of the consultant and the sponsor' },
  ethics: { fr: 'Engagements d’éthique et de confidentialité', en: 'Ethics and confidentiality commitments' },
  evaluation: { fr: 'Critères d’évaluation', en: 'Evaluation criteria' },
};
