/**
 * The full catalogue per language: the shell (`locales/<lng>.json`) plus one file per feature
 * (`locales/<lng>/<feature>.json`, whose content sits under the `<feature>` key). Features own their file,
 * so parallel work never edits the same catalogue.
 */

import enA11y from './locales/en/a11y.json';
import enAccount from './locales/en/account.json';
import enAgenda from './locales/en/agenda.json';
import enAudit from './locales/en/audit.json';
import enAuth from './locales/en/auth.json';
import enCharters from './locales/en/charters.json';
import enCompetencies from './locales/en/competencies.json';
import enConsent from './locales/en/consent.json';
import enDecisions from './locales/en/decisions.json';
import enDiagnostic from './locales/en/diagnostic.json';
import enEngagement from './locales/en/engagement.json';
import enLibrary from './locales/en/library.json';
import enMembers from './locales/en/members.json';
import enNetwork from './locales/en/network.json';
import enNotifications from './locales/en/notifications.json';
import enOpinion from './locales/en/opinion.json';
import enOrgs from './locales/en/orgs.json';
import enPlans from './locales/en/plans.json';
import enPollination from './locales/en/pollination.json';
import enReports from './locales/en/reports.json';
import enSso from './locales/en/sso.json';
import enWorkshop from './locales/en/workshop.json';
import enShell from './locales/en.json';
import frA11y from './locales/fr/a11y.json';
import frAccount from './locales/fr/account.json';
import frAgenda from './locales/fr/agenda.json';
import frAudit from './locales/fr/audit.json';
import frAuth from './locales/fr/auth.json';
import frCharters from './locales/fr/charters.json';
import frCompetencies from './locales/fr/competencies.json';
import frConsent from './locales/fr/consent.json';
import frDecisions from './locales/fr/decisions.json';
import frDiagnostic from './locales/fr/diagnostic.json';
import frEngagement from './locales/fr/engagement.json';
import frLibrary from './locales/fr/library.json';
import frMembers from './locales/fr/members.json';
import frNetwork from './locales/fr/network.json';
import frNotifications from './locales/fr/notifications.json';
import frOpinion from './locales/fr/opinion.json';
import frOrgs from './locales/fr/orgs.json';
import frPlans from './locales/fr/plans.json';
import frPollination from './locales/fr/pollination.json';
import frReports from './locales/fr/reports.json';
import frSso from './locales/fr/sso.json';
import frWorkshop from './locales/fr/workshop.json';
import frShell from './locales/fr.json';

export const frCatalogue = {
  ...frShell,
  auth: frAuth,
  account: frAccount,
  orgs: frOrgs,
  audit: frAudit,
  engagement: frEngagement,
  members: frMembers,
  consent: frConsent,
  diagnostic: frDiagnostic,
  network: frNetwork,
  library: frLibrary,
  agenda: frAgenda,
  workshop: frWorkshop,
  opinion: frOpinion,
  competencies: frCompetencies,
  decisions: frDecisions,
  charters: frCharters,
  sso: frSso,
  a11y: frA11y,
  plans: frPlans,
  pollination: frPollination,
  notifications: frNotifications,
  reports: frReports,
};

export const enCatalogue = {
  ...enShell,
  auth: enAuth,
  account: enAccount,
  orgs: enOrgs,
  audit: enAudit,
  engagement: enEngagement,
  members: enMembers,
  consent: enConsent,
  diagnostic: enDiagnostic,
  network: enNetwork,
  library: enLibrary,
  agenda: enAgenda,
  workshop: enWorkshop,
  opinion: enOpinion,
  competencies: enCompetencies,
  decisions: enDecisions,
  charters: enCharters,
  sso: enSso,
  a11y: enA11y,
  plans: enPlans,
  pollination: enPollination,
  notifications: enNotifications,
  reports: enReports,
};
