/**
 * Who may do what inside an organisation: the single source the server checks (and the web app
 * reads to hide what a role cannot do; hiding is a courtesy, the server decides).
 *
 * Roles follow the engagement triangle of consulting ethics (ICF three-way agreements, IAF
 * stewardship of process): the facilitator runs the process, the sponsor decides among options,
 * members take part, observers only read what is shared with them.
 */
export const ROLES = ['owner', 'facilitator', 'sponsor', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'org.read',
  'org.update',
  'members.read',
  'members.invite',
  'members.changeRole',
  'members.remove',
  'audit.read',
  'engagement.create',
  'engagement.read',
  'engagement.update',
  'engagement.changeStatus',
  'engagement.delete',
  'collective.read',
  'collective.manage',
  'consent.manage',
  'options.prepare',
  'options.choose',
  'survey.manage',
  'survey.readReport',
  'network.manage',
  'network.readReport',
  'methods.manage',
  'workshop.run',
  'workshop.read',
  'decision.record',
  'decision.read',
  'plan.read',
  'plan.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const everyone: Role[] = ['owner', 'facilitator', 'sponsor', 'member', 'observer'];
const leads: Role[] = ['owner', 'facilitator'];

/** role × action. Anything not listed is refused. */
const ALLOWED: Record<Action, readonly Role[]> = {
  'org.read': everyone,
  'org.update': ['owner'],
  'members.read': ['owner', 'facilitator', 'sponsor'],
  'members.invite': leads,
  'members.changeRole': ['owner'],
  'members.remove': ['owner'],
  'audit.read': ['owner'],
  'engagement.create': leads,
  'engagement.read': everyone,
  'engagement.update': leads,
  // The sponsor may also stop or pause: the "stop the process" control belongs to both sides of the contract.
  'engagement.changeStatus': ['owner', 'facilitator', 'sponsor'],
  'engagement.delete': ['owner'],
  'collective.read': ['owner', 'facilitator', 'sponsor', 'member'],
  'collective.manage': leads,
  'consent.manage': leads,
  'options.prepare': leads,
  // The choice belongs to the sponsor (or the group through a facilitated decision recorded by the facilitator).
  'options.choose': ['owner', 'facilitator', 'sponsor'],
  'survey.manage': leads,
  'survey.readReport': ['owner', 'facilitator', 'sponsor'],
  'network.manage': leads,
  // Network results identify people: facilitators only, never sponsors (domain.md (e): ONA ethics).
  'network.readReport': leads,
  'methods.manage': leads,
  'workshop.run': leads,
  'workshop.read': everyone,
  'decision.record': ['owner', 'facilitator', 'sponsor'],
  'decision.read': everyone,
  // The plan carries budgets and the diagnosis's findings: the contract's two sides read it, leads build it.
  'plan.read': ['owner', 'facilitator', 'sponsor'],
  'plan.manage': leads,
};

export function can(role: Role, action: Action): boolean {
  return ALLOWED[action].includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Every action a role may perform, e.g. to ship to the web app with the membership. */
export function actionsOf(role: Role): Action[] {
  return ACTIONS.filter((a) => can(role, a));
}
