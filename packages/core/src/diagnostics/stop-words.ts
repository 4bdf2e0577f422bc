/**
 * @module French and English stop words (accents removed, lower case) for open-answer themes.
 */

const FRENCH =
  'a ai aie aient aies ait alors as au aucun aucune aupres auquel aura aurai auraient aurais aurait aussi autre autres aux avaient avais avait avant avec avoir avons ayant bien c ca car ce ceci cela celle celles celui certains ces cet cette ceux chaque chez ci comme comment d dans de des deja donc dont du elle elles en encore entre est et etaient etais etait ete etre eu eux faire fait fais font fut ici il ils j je jusqu l la le les leur leurs lors lui m ma mais me meme memes mes moi moins mon n ne ni non nos notre nous on ont or ou par parce pas peu peut plus plutot pour pourquoi qu quand que quel quelle quelles quels qui quoi s sa sans se sera ses si sien soi soit son sont sous souvent sur t ta te tes toi ton tous tout toute toutes tres trop tu un une unes uns vers via vos votre vous y parfois rien cest quil quon jai ya etc';

const ENGLISH =
  'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours us get got lot lots really much many often sometimes';

/** Stop words of both languages. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...FRENCH.split(' '), ...ENGLISH.split(' ')]);
