/** @module The check-in / check-out's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const checkInStrings = bilingual(
  {
    name: 'Météo d’entrée ou de sortie',
    hint: 'Chacun dit comment il arrive ou repart sur une échelle d’humeur ou d’énergie, avec un mot s’il le souhaite ; on ne voit que la répartition.',
    scale: 'Échelle',
    mood: 'Humeur',
    energy: 'Énergie',
    allowWord: 'Proposer d’ajouter un mot',
    showNames: 'Mode nominatif : je verrai qui a répondu quoi',
    showNamesHelp:
      'Chaque téléphone l’annoncera avant la réponse. Sinon, personne, vous compris, ne peut relier une réponse à une personne.',
    namedNotice: 'Mode nominatif : l’animateur verra votre réponse avec votre nom.',
    anonymousNotice: 'Votre réponse est anonyme : seule la répartition est montrée.',
    mood1: 'Au plus bas',
    mood2: 'Pas terrible',
    mood3: 'Neutre',
    mood4: 'Bien',
    mood5: 'Très bien',
    energy1: 'Épuisé',
    energy2: 'Fatigué',
    energy3: 'Moyen',
    energy4: 'En forme',
    energy5: 'Plein d’énergie',
    word: 'Un mot (facultatif)',
    send: 'Envoyer',
    thanks: 'Merci, votre réponse est enregistrée.',
    count: '{{n}} réponses',
    words: 'Les mots',
    named: 'Réponses nominatives',
    nameless: 'Participant sans nom',
  },
  {
    name: 'Check-in / check-out',
    hint: 'Everyone says how they arrive or leave on a mood or energy scale, with one word if they like; only the distribution is shown.',
    scale: 'Scale',
    mood: 'Mood',
    energy: 'Energy',
    allowWord: 'Offer to add one word',
    showNames: 'Named mode: I will see who answered what',
    showNamesHelp:
      'Every phone will say so before answering. Otherwise nobody, you included, can link an answer to a person.',
    namedNotice: 'Named mode: the facilitator will see your answer with your name.',
    anonymousNotice: 'Your answer is anonymous: only the distribution is shown.',
    mood1: 'Very low',
    mood2: 'Not great',
    mood3: 'Neutral',
    mood4: 'Good',
    mood5: 'Very good',
    energy1: 'Exhausted',
    energy2: 'Tired',
    energy3: 'So-so',
    energy4: 'Fit',
    energy5: 'Full of energy',
    word: 'One word (optional)',
    send: 'Send',
    thanks: 'Thank you, your answer is saved.',
    count: '{{n}} answers',
    words: 'The words',
    named: 'Named answers',
    nameless: 'Participant without a name',
  },
);

/** The label of a level on a scale (`mood3`, `energy5`). */
export const levelKey = (scale: 'mood' | 'energy', level: number) =>
  `${scale}${level}` as `mood${1 | 2 | 3 | 4 | 5}`;
