import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../apps/server/test/spawn-server.ts';
import type { Seed } from './seed.ts';

/**
 * Every page of the web app, as the axe suite (e2e/every-page-axe.e2e.test.ts) visits it.
 *
 * To add a page: add one entry with the route's pattern exactly as written in its routes.tsx, how to
 * fill its params from the seed (e2e/seed.ts: ids from apps/server/test/fixtures plus capability
 * tokens) and who opens it. The suite fails when a route of the router has no entry here, so a new
 * page cannot skip the accessibility check.
 */
export interface PageRoute {
  /** The route pattern as in the router (`workshops/:workshopId`); '' is the home page. */
  pattern: string;
  /** The URL to open (path, query and fragment). */
  url: (seed: Seed) => string;
  /**
   * Who opens it: `owner` (signed in, owner of the seeded organisation), `anonymous` (signed out,
   * e.g. a respondent with a link), `participant` (joined the seeded workshop by its code) or
   * `fresh` (before the first account exists: only /setup).
   */
  as: 'owner' | 'anonymous' | 'participant' | 'fresh';
  /** Extra wait before axe runs, when the page fetches in steps (a text that appears last). */
  readyText?: RegExp;
  /** Also save screenshots (desktop and phone, light and dark) into test-artifacts/. */
  screenshot?: boolean;
}

export const PAGE_ROUTES: PageRoute[] = [
  { pattern: 'setup', url: () => '/setup', as: 'fresh' },
  // Signed out.
  { pattern: 'sign-in', url: () => '/sign-in', as: 'anonymous' },
  { pattern: 'forgot-password', url: () => '/forgot-password', as: 'anonymous' },
  { pattern: 'reset-password', url: () => '/reset-password?token=not-a-real-token', as: 'anonymous' },
  { pattern: 'invite/:token', url: (s) => `/invite/${s.invitationToken}`, as: 'anonymous' },
  { pattern: 'accessibility', url: () => '/accessibility', as: 'anonymous', screenshot: true },
  // Respondents and participants without an account.
  { pattern: 'respond/:token', url: (s) => `/respond/${s.respondToken}`, as: 'anonymous' },
  { pattern: 'n/:token', url: (s) => `/n/${s.networkToken}`, as: 'anonymous' },
  { pattern: 'join', url: () => '/join', as: 'anonymous' },
  { pattern: 'join/:code', url: (s) => `/join/${s.code}`, as: 'anonymous' },
  { pattern: 'w/:workshopId', url: (s) => `/w/${s.workshopId}`, as: 'participant' },
  { pattern: 'w/:workshopId/feedback', url: (s) => `/w/${s.workshopId}/feedback`, as: 'participant' },
  { pattern: 'c/:joinCode', url: (s) => `/c/${s.joinCode}`, as: 'anonymous' },
  { pattern: 'feedback/:token', url: (s) => `/feedback/${s.feedbackToken}`, as: 'anonymous' },
  { pattern: 'supervision/:token', url: (s) => `/supervision/${s.supervisionToken}`, as: 'anonymous' },
  { pattern: 'pulse/:token', url: (s) => `/pulse/${s.pulseToken}`, as: 'anonymous' },
  { pattern: 'p/:proposalId', url: (s) => `/p/${s.ballotProposalId}#${s.ballotToken}`, as: 'anonymous' },
  // Signed in, in the app frame.
  { pattern: '', url: () => '/', as: 'owner', screenshot: true },
  { pattern: 'engagements', url: () => '/engagements', as: 'owner' },
  { pattern: 'engagements/new', url: () => '/engagements/new', as: 'owner' },
  { pattern: 'engagements/:engagementId', url: (s) => `/engagements/${s.engagementId}`, as: 'owner' },
  { pattern: 'people', url: () => '/people', as: 'owner' },
  {
    pattern: 'organisation/webhooks',
    url: () => '/organisation/webhooks',
    as: 'owner',
    readyText: /hooks\.example\.org/,
  },
  {
    pattern: 'engagements/:engagementId/reports',
    url: (s) => `/engagements/${s.engagementId}/reports`,
    as: 'owner',
    readyText: /Registre des décisions|Decision register/,
  },
  {
    pattern: 'engagements/:engagementId/evaluation',
    url: (s) => `/engagements/${s.engagementId}/evaluation`,
    as: 'owner',
    readyText: /Ce qu’on ne peut pas conclure|What cannot be concluded/,
  },
  { pattern: 'methods', url: () => '/methods', as: 'owner' },
  { pattern: 'methods/recommend', url: () => '/methods/recommend', as: 'owner' },
  { pattern: 'methods/new', url: () => '/methods/new', as: 'owner' },
  { pattern: 'methods/:methodId', url: (s) => `/methods/${s.methodId}`, as: 'owner' },
  { pattern: 'agendas', url: () => '/agendas', as: 'owner' },
  { pattern: 'agendas/:agendaId', url: (s) => `/agendas/${s.agendaId}`, as: 'owner' },
  {
    pattern: 'engagements/:engagementId/diagnostics',
    url: (s) => `/engagements/${s.engagementId}/diagnostics`,
    as: 'owner',
  },
  {
    pattern: 'diagnostics/campaigns/:campaignId',
    url: (s) => `/diagnostics/campaigns/${s.campaignId}`,
    as: 'owner',
  },
  {
    pattern: 'diagnostics/campaigns/:campaignId/report',
    url: (s) => `/diagnostics/campaigns/${s.campaignId}/report`,
    as: 'owner',
  },
  {
    pattern: 'engagements/:engagementId/network',
    url: (s) => `/engagements/${s.engagementId}/network`,
    as: 'owner',
  },
  {
    pattern: 'engagements/:engagementId/network/:networkId',
    url: (s) => `/engagements/${s.engagementId}/network/${s.networkId}`,
    as: 'owner',
  },
  { pattern: 'conversations', url: () => '/conversations', as: 'owner' },
  {
    pattern: 'conversations/:conversationId',
    url: (s) => `/conversations/${s.conversationId}`,
    as: 'owner',
  },
  {
    pattern: 'screen/conversations/:orgId/:conversationId',
    url: (s) => `/screen/conversations/${s.orgId}/${s.conversationId}`,
    as: 'owner',
  },
  { pattern: 'workshops', url: () => '/workshops', as: 'owner' },
  { pattern: 'workshops/:workshopId', url: (s) => `/workshops/${s.workshopId}`, as: 'owner' },
  { pattern: 'screen/:workshopId', url: (s) => `/screen/${s.workshopId}`, as: 'owner' },
  { pattern: 'competencies', url: () => '/competencies', as: 'owner' },
  { pattern: 'competencies/assess', url: () => '/competencies/assess', as: 'owner' },
  { pattern: 'competencies/feedback', url: () => '/competencies/feedback', as: 'owner' },
  {
    pattern: 'competencies/feedback/:roundId',
    url: (s) => `/competencies/feedback/${s.roundId}`,
    as: 'owner',
  },
  { pattern: 'competencies/plan', url: () => '/competencies/plan', as: 'owner' },
  {
    pattern: 'engagements/:engagementId/decisions',
    url: (s) => `/engagements/${s.engagementId}/decisions`,
    as: 'owner',
  },
  {
    pattern: 'engagements/:engagementId/proposals/:proposalId',
    url: (s) => `/engagements/${s.engagementId}/proposals/${s.proposalId}`,
    as: 'owner',
  },
  { pattern: 'decisions', url: () => '/decisions', as: 'owner' },
  { pattern: 'governance', url: () => '/governance', as: 'owner' },
  {
    pattern: 'engagements/:engagementId/charters',
    url: (s) => `/engagements/${s.engagementId}/charters`,
    as: 'owner',
  },
  {
    pattern: 'engagements/:engagementId/charters/:charterId',
    url: (s) => `/engagements/${s.engagementId}/charters/${s.charterId}`,
    as: 'owner',
  },
  {
    pattern: 'engagements/:engagementId/charters/:charterId/print',
    url: (s) => `/engagements/${s.engagementId}/charters/${s.charterId}/print`,
    as: 'owner',
  },
  {
    pattern: 'engagements/:engagementId/plan',
    url: (s) => `/engagements/${s.engagementId}/plan`,
    as: 'owner',
  },
  {
    pattern: 'engagements/:engagementId/plan/specification/print',
    url: (s) => `/engagements/${s.engagementId}/plan/specification/print`,
    as: 'owner',
  },
  { pattern: 'pollination', url: () => '/pollination', as: 'owner' },
  {
    pattern: 'pollination/experiences/:experienceId',
    url: (s) => `/pollination/experiences/${s.experienceId}`,
    as: 'owner',
  },
  {
    pattern: 'pollination/library/:experienceId',
    url: (s) => `/pollination/library/${s.sharedExperienceId}`,
    as: 'owner',
  },
  { pattern: 'pollination/plans/new', url: () => '/pollination/plans/new', as: 'owner' },
  { pattern: 'pollination/plans/:planId', url: (s) => `/pollination/plans/${s.planId}`, as: 'owner' },
  { pattern: 'pollination/communities', url: () => '/pollination/communities', as: 'owner' },
  {
    pattern: 'pollination/communities/:communityId',
    url: (s) => `/pollination/communities/${s.communityId}?tab=resources`,
    as: 'owner',
  },
  { pattern: 'organisation/sso', url: () => '/organisation/sso', as: 'owner' },
  { pattern: 'organisation', url: () => '/organisation', as: 'owner' },
  { pattern: 'account', url: () => '/account', as: 'owner' },
  { pattern: 'notifications', url: () => '/notifications', as: 'owner' },
  { pattern: 'audit', url: () => '/audit', as: 'owner' },
  { pattern: '*', url: () => '/no-such-page', as: 'owner' },
];

/**
 * Every route pattern the web router declares: `path: '…'` in app/router.tsx and in each
 * features/<feature>/routes.tsx, plus the index route ('').
 */
export function routerPatterns(): string[] {
  const web = path.join(repoRoot, 'apps/web/src');
  const files = [
    path.join(web, 'app/router.tsx'),
    ...readdirSync(path.join(web, 'features')).flatMap((feature) => {
      const file = path.join(web, 'features', feature, 'routes.tsx');
      try {
        readFileSync(file);
        return [file];
      } catch {
        return [];
      }
    }),
  ];
  const patterns = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/path:\s*['"`]([^'"`]*)['"`]/g)) {
      patterns.add(m[1] as string);
    }
    if (/index:\s*true/.test(source)) {
      patterns.add('');
    }
  }
  return [...patterns].sort();
}
