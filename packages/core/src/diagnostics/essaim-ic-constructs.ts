/**
 * @module Constructs of the built-in "Essaim IC diagnostic", in our own words.
 *
 * The five forms of collective intelligence (relational, rational, emotional, creative,
 * innovative) describe how a group thinks together; the climate constructs describe the
 * conditions that let it do so. Psychological safety follows the construct defined by
 * Edmondson (1999, Administrative Science Quarterly 44(2):350–383) — the idea only, none of
 * her items. Trust separates competence-based and care-based trust (McAllister 1995).
 */
import type { Construct } from './instrument';

/** Constructs of the Essaim IC diagnostic, in report order. */
export const ESSAIM_IC_CONSTRUCTS: readonly Construct[] = [
  {
    id: 'ic-relational',
    family: 'ic-form',
    name: { fr: 'IC relationnelle', en: 'Relational IC' },
    description: {
      fr: 'La façon dont les membres s’écoutent, se relient et se coordonnent.',
      en: 'How members listen to, connect with and coordinate with one another.',
    },
  },
  {
    id: 'ic-rational',
    family: 'ic-form',
    name: { fr: 'IC rationnelle', en: 'Rational IC' },
    description: {
      fr: 'La façon dont le groupe raisonne ensemble : faits partagés, hypothèses vérifiées, conclusions claires.',
      en: 'How the group reasons together: shared facts, tested assumptions, clear conclusions.',
    },
  },
  {
    id: 'ic-emotional',
    family: 'ic-form',
    name: { fr: 'IC émotionnelle', en: 'Emotional IC' },
    description: {
      fr: 'La capacité du groupe à percevoir, nommer et réguler les émotions et les tensions.',
      en: 'How the group notices, names and regulates feelings and tensions.',
    },
  },
  {
    id: 'ic-creative',
    family: 'ic-form',
    name: { fr: 'IC créative', en: 'Creative IC' },
    description: {
      fr: 'La capacité à produire ensemble des idées nouvelles en rebondissant sur celles des autres.',
      en: 'How the group generates new ideas by building on each other’s.',
    },
  },
  {
    id: 'ic-innovative',
    family: 'ic-form',
    name: { fr: 'IC innovante', en: 'Innovative IC' },
    description: {
      fr: 'La capacité à transformer les idées en essais concrets puis en nouvelles pratiques.',
      en: 'How the group turns ideas into trials and then into new practice.',
    },
  },
  {
    id: 'psychological-safety',
    family: 'climate',
    name: { fr: 'Sécurité psychologique', en: 'Psychological safety' },
    description: {
      fr: 'La conviction partagée qu’on peut prendre des risques relationnels sans être puni ni humilié.',
      en: 'A shared belief that interpersonal risks can be taken without punishment or humiliation.',
    },
  },
  {
    id: 'trust-competence',
    family: 'climate',
    name: { fr: 'Confiance dans les compétences', en: 'Competence-based trust' },
    description: {
      fr: 'La confiance dans la fiabilité et la qualité du travail des autres.',
      en: 'Confidence in the reliability and quality of the others’ work.',
    },
  },
  {
    id: 'trust-care',
    family: 'climate',
    name: { fr: 'Confiance bienveillante', en: 'Care-based trust' },
    description: {
      fr: 'La confiance dans la bienveillance des autres et dans leur loyauté envers soi.',
      en: 'Confidence that the others care about you and will not exploit a weakness.',
    },
  },
  {
    id: 'shared-direction',
    family: 'climate',
    name: { fr: 'Intention partagée', en: 'Shared direction' },
    description: {
      fr: 'Un but commun, compris de la même façon par tous et qui compte pour chacun.',
      en: 'A common purpose, understood the same way by all and meaningful to each.',
    },
  },
  {
    id: 'decision-clarity',
    family: 'climate',
    name: { fr: 'Clarté des décisions', en: 'Decision clarity' },
    description: {
      fr: 'Savoir qui décide, comment, et pourquoi une décision a été prise.',
      en: 'Knowing who decides, how, and why a decision was taken.',
    },
  },
  {
    id: 'inclusion',
    family: 'climate',
    name: { fr: 'Inclusion et équilibre de la parole', en: 'Inclusion and balance of speaking' },
    description: {
      fr: 'Chaque voix trouve sa place et le temps de parole est réparti.',
      en: 'Every voice finds its place and speaking time is shared.',
    },
  },
  {
    id: 'learning',
    family: 'climate',
    name: { fr: 'Apprentissage et prise de recul', en: 'Learning and reflection' },
    description: {
      fr: 'Le groupe revient sur sa pratique et en tire des changements.',
      en: 'The group looks back on its practice and changes it accordingly.',
    },
  },
  {
    id: 'energy',
    family: 'climate',
    name: { fr: 'Énergie', en: 'Energy' },
    description: {
      fr: 'Travailler ensemble donne de l’élan plutôt que d’épuiser.',
      en: 'Working together gives momentum rather than draining people.',
    },
  },
  {
    id: 'readiness-for-change',
    family: 'climate',
    name: { fr: 'Disposition au changement', en: 'Readiness for change' },
    description: {
      fr: 'La volonté et la confiance du groupe pour faire évoluer son fonctionnement.',
      en: 'The group’s willingness and confidence to change how it works.',
    },
  },
  {
    id: 'open-feedback',
    family: 'open',
    name: { fr: 'Questions ouvertes', en: 'Open questions' },
    description: {
      fr: 'Ce qui aide le groupe et ce qui le freine, dans les mots des participants.',
      en: 'What helps the group and what holds it back, in the respondents’ words.',
    },
  },
];
