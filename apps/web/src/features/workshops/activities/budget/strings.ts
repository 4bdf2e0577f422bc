/** @module The budget allocation's own strings (French, English). */
import { bilingual } from '../shared/strings';

export const budgetStrings = bilingual(
  {
    name: '100 points',
    hint: 'Chacun répartit un budget de points entre les éléments ; le serveur refuse tout dépassement. Totaux, parts et dispersion des avis.',
    budget: 'Points par participant',
    remaining: 'Il vous reste {{n}} points sur {{budget}}.',
    over: 'Vous dépassez le budget de {{n}} points.',
    pointsFor: 'Points pour {{label}}',
    send: 'Envoyer ma répartition',
    sent: 'Répartition enregistrée.',
    summary: '{{voters}} participants · {{spent}} points répartis',
    item: 'Élément',
    total: 'Total',
    share: 'Part',
    spread: 'Moyenne ± dispersion',
  },
  {
    name: '100 points',
    hint: 'Everyone spreads a budget of points over the items; the server refuses any overspend. Totals, shares and the spread of opinions.',
    budget: 'Points per participant',
    remaining: 'You have {{n}} of {{budget}} points left.',
    over: 'You are {{n}} points over budget.',
    pointsFor: 'Points for {{label}}',
    send: 'Send my allocation',
    sent: 'Allocation saved.',
    summary: '{{voters}} participants · {{spent}} points spent',
    item: 'Item',
    total: 'Total',
    share: 'Share',
    spread: 'Mean ± spread',
  },
);
