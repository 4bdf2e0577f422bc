/**
 * @module The consultant competency grid: areas, competencies and behavioural descriptors per level.
 *
 * Sources, described in our own words and credited (no framework text is copied; see
 * docs/competencies.md):
 * - IAF Core Competencies (International Association of Facilitators, 2003, revised 2021): six areas
 *   covering the client relationship, process planning, the participatory climate, guiding the group
 *   to outcomes, professional knowledge and professional attitude. Our first six areas follow them.
 * - ICF Core Competencies (International Coaching Federation, 2019): ethical practice and agreements,
 *   trust, safety and presence inspire our "ethics and contracting" and "trust and presence" areas.
 * - EMCC Global Competence Framework (European Mentoring and Coaching Council, v2, 2015): its
 *   four-level ladder shapes ours (levels.ts).
 * - The remaining areas are specific to mobilising collective intelligence (the Essaim seed).
 */
import type { LocalizedText } from '../methods/types';
import type { CompetencyLevel } from './levels';

export const COMPETENCY_AREAS = [
  'client-relationship',
  'process-planning',
  'participatory-climate',
  'guiding-outcomes',
  'professional-knowledge',
  'professional-attitude',
  'ethics-contracting',
  'trust-presence',
  'ic-forms',
  'listening-request',
  'obstacles-resources',
  'choosing-methods',
  'change-agents',
  'decision-governance',
  'charters-contracts',
  'plans-specifications',
  'complexity-timing',
  'stopping-unexpected',
  'psy-ethics',
] as const;
export type CompetencyArea = (typeof COMPETENCY_AREAS)[number];

/** Which family of frameworks an area comes from (for credits and grouping). */
export type AreaOrigin = 'iaf' | 'icf' | 'essaim';

export interface AreaDefinition {
  readonly id: CompetencyArea;
  readonly origin: AreaOrigin;
  readonly name: LocalizedText;
}

export interface Competency {
  /** Stable kebab-case id, never renamed once published. */
  readonly id: string;
  readonly area: CompetencyArea;
  readonly name: LocalizedText;
  /** Observable behaviour at levels 1–4 (index 0 = level 1). */
  readonly descriptors: readonly [LocalizedText, LocalizedText, LocalizedText, LocalizedText];
}

const a = (id: CompetencyArea, origin: AreaOrigin, fr: string, en: string): AreaDefinition => ({
  id,
  origin,
  name: { fr, en },
});

export const AREAS: readonly AreaDefinition[] = [
  a('client-relationship', 'iaf', 'Relation avec le client', 'Client relationship'),
  a('process-planning', 'iaf', 'Conception des démarches de groupe', 'Planning group processes'),
  a('participatory-climate', 'iaf', 'Climat participatif', 'Participatory climate'),
  a('guiding-outcomes', 'iaf', 'Conduite vers des résultats', 'Guiding to outcomes'),
  a('professional-knowledge', 'iaf', 'Savoirs professionnels', 'Professional knowledge'),
  a('professional-attitude', 'iaf', 'Posture professionnelle', 'Professional attitude'),
  a('ethics-contracting', 'icf', 'Éthique et contractualisation', 'Ethics and contracting'),
  a('trust-presence', 'icf', 'Confiance et présence', 'Trust and presence'),
  a('ic-forms', 'essaim', 'Formes d’intelligence collective', 'Forms of collective intelligence'),
  a('listening-request', 'essaim', 'Écoute de la demande', 'Listening to the request'),
  a(
    'obstacles-resources',
    'essaim',
    'Freins, ressources et zones de confiance',
    'Obstacles, resources and trust zones',
  ),
  a(
    'choosing-methods',
    'essaim',
    'Choix des méthodes sans les imposer',
    'Choosing methods without imposing them',
  ),
  a('change-agents', 'essaim', 'Relais du changement et diffusion', 'Change agents and spreading practice'),
  a(
    'decision-governance',
    'essaim',
    'Circuits de décision et gouvernance',
    'Decision circuits and governance',
  ),
  a('charters-contracts', 'essaim', 'Chartes et contrats', 'Charters and contracts'),
  a(
    'plans-specifications',
    'essaim',
    'Cahiers des charges, schémas directeurs, plans d’investissement',
    'Specifications, master and investment plans',
  ),
  a('complexity-timing', 'essaim', 'Complexité, rythme et maturité', 'Complexity, timing and maturity'),
  a(
    'stopping-unexpected',
    'essaim',
    'Arrêter une démarche, faire face à l’imprévu',
    'Stopping a process, facing the unexpected',
  ),
  a(
    'psy-ethics',
    'essaim',
    'Déontologie proche de celle du psychologue',
    'Ethics on a par with a psychologist’s',
  ),
];

type Four = readonly [string, string, string, string];

function c(id: string, area: CompetencyArea, name: [string, string], fr: Four, en: Four): Competency {
  return {
    id,
    area,
    name: { fr: name[0], en: name[1] },
    descriptors: [0, 1, 2, 3].map((i) => ({
      fr: fr[i]!,
      en: en[i]!,
    })) as unknown as Competency['descriptors'],
  };
}

export const COMPETENCIES: readonly Competency[] = [
  c(
    'client-partnership',
    'client-relationship',
    ['Partenariat avec le commanditaire', 'Partnership with the sponsor'],
    [
      'Reformule la commande et s’assure d’avoir compris ce qui est attendu.',
      'Construit avec le commanditaire une démarche ajustée à son contexte.',
      'Tient la relation sur plusieurs séquences et renégocie quand le contexte change.',
      'Aide le commanditaire à faire évoluer sa propre manière de commander.',
    ],
    [
      'Restates the brief and checks what is expected.',
      'Designs with the sponsor an approach fitted to their context.',
      'Sustains the relationship over several sessions and renegotiates when the context shifts.',
      'Helps the sponsor change the way they commission work.',
    ],
  ),
  c(
    'process-design',
    'process-planning',
    ['Conception de démarches', 'Process design'],
    [
      'Prépare une séance à partir d’un déroulé éprouvé.',
      'Choisit des méthodes claires et organise temps, lieu et matériel.',
      'Enchaîne des séquences variées qui se nourrissent l’une l’autre.',
      'Invente des architectures de démarche et les explique à des pairs.',
    ],
    [
      'Prepares a session from a tried-and-tested outline.',
      'Picks clear methods and organises time, place and materials.',
      'Chains varied sequences that feed into one another.',
      'Invents process architectures and explains them to peers.',
    ],
  ),
  c(
    'inclusive-participation',
    'participatory-climate',
    ['Participation de tous', 'Everyone takes part'],
    [
      'Donne la parole à chacun à l’aide de consignes simples.',
      'Repère qui se tait et adapte les formats pour l’inclure.',
      'Accueille les désaccords comme une ressource et les travaille avec le groupe.',
      'Rend le groupe capable de réguler lui-même sa participation.',
    ],
    [
      'Gives everyone a turn with simple instructions.',
      'Notices who stays silent and adapts formats to include them.',
      'Welcomes disagreement as a resource and works it through with the group.',
      'Makes the group able to regulate its own participation.',
    ],
  ),
  c(
    'creative-climate',
    'participatory-climate',
    ['Stimuler la créativité', 'Sparking creativity'],
    [
      'Lance un exercice de production d’idées en suivant la consigne.',
      'Choisit des amorces qui ouvrent le champ des possibles.',
      'Alterne divergence et convergence au bon moment.',
      'Crée des dispositifs inédits qui font émerger l’inattendu.',
    ],
    [
      'Runs an idea-generation exercise by the book.',
      'Chooses prompts that widen the field of possibilities.',
      'Alternates divergence and convergence at the right moment.',
      'Creates new set-ups that let the unexpected emerge.',
    ],
  ),
  c(
    'outcome-guidance',
    'guiding-outcomes',
    ['Guider vers des résultats', 'Guiding to outcomes'],
    [
      'Garde le cap sur l’objectif annoncé de la séance.',
      'Aide le groupe à voir où il en est et à conclure.',
      'Conduit le groupe vers un accord solide, même sur un sujet difficile.',
      'Fait que le groupe s’approprie durablement ses résultats.',
    ],
    [
      'Keeps to the session’s stated aim.',
      'Helps the group see where it stands and close.',
      'Leads the group to a sound agreement, even on a hard topic.',
      'Ensures the group owns its results over time.',
    ],
  ),
  c(
    'method-repertoire',
    'professional-knowledge',
    ['Répertoire de méthodes', 'Range of methods'],
    [
      'Connaît une poignée de méthodes et leurs usages.',
      'Maîtrise des méthodes de plusieurs familles et en connaît les limites.',
      'Adapte et combine les méthodes selon le groupe et le moment.',
      'Enrichit le répertoire commun par ses propres apports, documentés.',
    ],
    [
      'Knows a handful of methods and what they are for.',
      'Masters methods from several families and knows their limits.',
      'Adapts and combines methods to the group and the moment.',
      'Adds documented contributions of their own to the shared repertoire.',
    ],
  ),
  c(
    'reflective-stance',
    'professional-attitude',
    ['Posture réflexive et neutre', 'Reflective and neutral stance'],
    [
      'Fait le point après chaque séance sur ce qui a marché.',
      'Reste neutre sur le contenu et le signale quand ce n’est pas le cas.',
      'Sollicite des retours et des supervisions pour progresser.',
      'Accompagne d’autres praticiens dans leur propre réflexivité.',
    ],
    [
      'Reviews after each session what worked.',
      'Stays neutral on content and says so when that is not the case.',
      'Seeks feedback and supervision in order to grow.',
      'Supports other practitioners in their own reflective practice.',
    ],
  ),
  c(
    'ethical-practice',
    'ethics-contracting',
    ['Pratique éthique', 'Ethical practice'],
    [
      'Connaît les règles de confidentialité et de consentement et les applique.',
      'Repère un conflit d’intérêts et le déclare.',
      'Tranche des dilemmes éthiques en expliquant ses raisons.',
      'Fait évoluer les pratiques éthiques de sa communauté.',
    ],
    [
      'Knows confidentiality and consent rules and applies them.',
      'Spots a conflict of interest and declares it.',
      'Settles ethical dilemmas and explains the reasons.',
      'Moves the ethical practice of their community forward.',
    ],
  ),
  c(
    'three-way-agreement',
    'ethics-contracting',
    ['Accords à trois', 'Three-way agreements'],
    [
      'Écrit avec le commanditaire les objectifs et les livrables.',
      'Précise les rôles du commanditaire, du groupe et de l’intervenant.',
      'Revient sur l’accord quand l’un des trois en sort.',
      'Conçoit des accords qui protègent le groupe dans la durée.',
    ],
    [
      'Writes down aims and deliverables with the sponsor.',
      'Sets out the roles of sponsor, group and consultant.',
      'Revisits the agreement when one of the three steps outside it.',
      'Designs agreements that protect the group over time.',
    ],
  ),
  c(
    'trust-safety',
    'trust-presence',
    ['Confiance et sécurité', 'Trust and safety'],
    [
      'Pose un cadre de bienveillance et de confidentialité.',
      'Crée un climat où les personnes osent dire ce qu’elles pensent.',
      'Rétablit la confiance après un incident dans le groupe.',
      'Installe une sécurité qui perdure sans sa présence.',
    ],
    [
      'Sets a frame of goodwill and confidentiality.',
      'Creates a climate where people dare say what they think.',
      'Restores trust after an incident in the group.',
      'Builds a safety that lasts without them in the room.',
    ],
  ),
  c(
    'presence',
    'trust-presence',
    ['Présence', 'Presence'],
    [
      'Reste attentif au groupe plutôt qu’à son déroulé.',
      'Perçoit les signaux faibles et les nomme avec tact.',
      'Garde son calme et sa curiosité dans les moments tendus.',
      'Utilise sa propre présence comme un outil d’intervention.',
    ],
    [
      'Pays attention to the group rather than to the script.',
      'Picks up weak signals and names them tactfully.',
      'Stays calm and curious in tense moments.',
      'Uses their own presence as an intervention tool.',
    ],
  ),
  c(
    'ic-forms-recognition',
    'ic-forms',
    ['Reconnaître les formes d’intelligence collective', 'Recognising forms of collective intelligence'],
    [
      'Distingue les formes relationnelle, rationnelle, émotionnelle, créative et innovante.',
      'Identifie la forme que mobilise un groupe à un moment donné.',
      'Fait passer le groupe d’une forme à l’autre selon le besoin.',
      'Aide une organisation à cultiver plusieurs formes à la fois.',
    ],
    [
      'Tells apart the relational, rational, emotional, creative and innovative forms.',
      'Identifies which form a group is drawing on at a given moment.',
      'Moves the group from one form to another as needed.',
      'Helps an organisation cultivate several forms at once.',
    ],
  ),
  c(
    'request-listening',
    'listening-request',
    ['Écouter la demande', 'Listening to the request'],
    [
      'Recueille la demande telle qu’elle est formulée.',
      'Distingue la demande exprimée du besoin sous-jacent.',
      'Fait émerger avec les acteurs une question essentielle partagée.',
      'Transforme une commande floue en dynamique portée par le collectif.',
    ],
    [
      'Collects the request as it is worded.',
      'Tells the stated request from the underlying need.',
      'Brings out, with the actors, one shared essential question.',
      'Turns a vague brief into momentum carried by the collective.',
    ],
  ),
  c(
    'obstacles-trust-zones',
    'obstacles-resources',
    ['Freins, ressources, zones de confiance', 'Obstacles, resources, trust zones'],
    [
      'Liste les freins et les ressources évoqués par les personnes.',
      'Mesure le climat de confiance à l’aide d’un diagnostic.',
      'Croise diagnostic et entretiens pour situer les zones d’appui.',
      'Fait du diagnostic un levier que le collectif s’approprie.',
    ],
    [
      'Lists the obstacles and resources people mention.',
      'Measures the climate of trust with a diagnostic.',
      'Cross-checks diagnostics and interviews to locate footholds.',
      'Makes the diagnostic a lever the collective owns.',
    ],
  ),
  c(
    'method-choice',
    'choosing-methods',
    ['Choisir sans imposer', 'Choosing without imposing'],
    [
      'Propose une méthode adaptée en expliquant pourquoi.',
      'Présente plusieurs options et laisse le groupe choisir.',
      'Ajuste le choix de méthode en direct selon les réactions.',
      'Rend le groupe capable de choisir ses propres méthodes.',
    ],
    [
      'Suggests a suitable method and explains why.',
      'Presents several options and lets the group choose.',
      'Adjusts the choice of method live, depending on reactions.',
      'Makes the group able to choose its own methods.',
    ],
  ),
  c(
    'change-agents-spread',
    'change-agents',
    ['Relais et diffusion', 'Change agents and spreading'],
    [
      'Repère les personnes volontaires pour porter une action.',
      'Identifie les relais influents grâce à l’analyse de réseau.',
      'Organise la diffusion des expériences entre équipes.',
      'Fait naître des communautés qui essaiment d’elles-mêmes.',
    ],
    [
      'Spots the people willing to carry an action.',
      'Identifies influential relays through network analysis.',
      'Organises how experiences spread between teams.',
      'Grows communities that spread practice on their own.',
    ],
  ),
  c(
    'governance-redesign',
    'decision-governance',
    ['Revisiter la gouvernance', 'Revisiting governance'],
    [
      'Décrit le circuit de décision existant.',
      'Propose une règle de décision adaptée à chaque sujet.',
      'Accompagne le passage à une gouvernance plus partagée.',
      'Conçoit avec l’organisation des gouvernances durables.',
    ],
    [
      'Describes the existing decision circuit.',
      'Suggests a fitting decision rule for each topic.',
      'Supports the move to a more shared governance.',
      'Designs lasting governance with the organisation.',
    ],
  ),
  c(
    'charters',
    'charters-contracts',
    ['Chartes et contrats', 'Charters and contracts'],
    [
      'Rédige une charte de fonctionnement à partir d’un modèle.',
      'Fait écrire la charte par le groupe lui-même.',
      'Fait vivre et réviser la charte au fil de la démarche.',
      'Fait de la charte un outil de régulation autonome du collectif.',
    ],
    [
      'Drafts a working charter from a template.',
      'Has the group write its own charter.',
      'Keeps the charter alive and revised along the way.',
      'Turns the charter into the collective’s own regulation tool.',
    ],
  ),
  c(
    'plans-and-specs',
    'plans-specifications',
    ['Cahiers des charges et plans', 'Specifications and plans'],
    [
      'Consigne les décisions du groupe dans un document clair.',
      'Traduit les travaux collectifs en cahier des charges.',
      'Relie schéma directeur et plan d’investissement aux choix du collectif.',
      'Conçoit des plans qui restent révisables par le collectif.',
    ],
    [
      'Records the group’s decisions in a clear document.',
      'Turns collective work into a specification.',
      'Ties master and investment plans to the collective’s choices.',
      'Designs plans the collective can keep revising.',
    ],
  ),
  c(
    'complexity-sensing',
    'complexity-timing',
    ['Sentir la complexité et le bon moment', 'Sensing complexity and timing'],
    [
      'Distingue un problème compliqué d’un problème complexe.',
      'Adapte la démarche à la maturité du groupe.',
      'Choisit le moment d’accélérer ou de ralentir.',
      'Lit la dynamique d’un système et agit au bon endroit.',
    ],
    [
      'Tells a complicated problem from a complex one.',
      'Fits the approach to the group’s maturity.',
      'Chooses when to speed up or slow down.',
      'Reads a system’s dynamics and acts in the right place.',
    ],
  ),
  c(
    'stop-and-adapt',
    'stopping-unexpected',
    ['Arrêter et faire face à l’imprévu', 'Stopping and facing the unexpected'],
    [
      'Sait qu’une démarche peut être suspendue et comment le faire.',
      'Suspend une séance quand la sécurité du groupe l’exige.',
      'Réoriente une démarche entière face à un événement imprévu.',
      'Fait de l’arrêt un moment d’apprentissage pour tous.',
    ],
    [
      'Knows a process can be paused and how to do it.',
      'Pauses a session when the group’s safety requires it.',
      'Redirects a whole process in the face of an unforeseen event.',
      'Turns a stop into a learning moment for everyone.',
    ],
  ),
  c(
    'psy-grade-ethics',
    'psy-ethics',
    ['Déontologie exigeante', 'Demanding professional ethics'],
    [
      'Recueille un consentement libre et éclairé avant toute mesure.',
      'Ne montre jamais une réponse individuelle sur un sujet sensible.',
      'Refuse qu’un diagnostic serve à évaluer des personnes.',
      'Oriente vers un professionnel qualifié quand une détresse apparaît, et forme ses pairs à le faire.',
    ],
    [
      'Obtains free and informed consent before any measurement.',
      'Never shows an individual answer on a sensitive topic.',
      'Refuses to let a diagnostic be used to assess individuals.',
      'Refers to a qualified professional when distress shows, and trains peers to do so.',
    ],
  ),
];

const BY_ID = new Map(COMPETENCIES.map((x) => [x.id, x]));

export function findCompetency(id: string): Competency | undefined {
  return BY_ID.get(id);
}

export function isCompetencyId(id: string): boolean {
  return BY_ID.has(id);
}

/** Descriptor of a competency at a level. */
export function descriptorOf(competency: Competency, level: CompetencyLevel): LocalizedText {
  return competency.descriptors[level - 1]!;
}

/**
 * Competencies whose level bounds the methods a consultant can lead (the recommender's
 * `facilitatorLevel`): designing processes, guiding to outcomes and choosing methods.
 */
export const METHOD_LEADING_COMPETENCIES = ['process-design', 'outcome-guidance', 'method-choice'] as const;
