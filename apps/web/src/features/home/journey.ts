import type { IconName } from '../../components/icons';

export type JourneyPhase = 'understand' | 'cocreate' | 'act';
export type JourneyStepId =
  | 'listen'
  | 'diagnose'
  | 'methods'
  | 'workshops'
  | 'decide'
  | 'commit'
  | 'evaluate';

export interface JourneyStep {
  id: JourneyStepId;
  icon: IconName;
  phase: JourneyPhase;
}

/** The engagement journey, in order. Copy lives under `home.journey.steps.<id>`. */
export const JOURNEY_STEPS: readonly JourneyStep[] = [
  { id: 'listen', icon: 'ear', phase: 'understand' },
  { id: 'diagnose', icon: 'diagnose', phase: 'understand' },
  { id: 'methods', icon: 'listCheck', phase: 'cocreate' },
  { id: 'workshops', icon: 'usersGroup', phase: 'cocreate' },
  { id: 'decide', icon: 'circleCheck', phase: 'cocreate' },
  { id: 'commit', icon: 'share', phase: 'act' },
  { id: 'evaluate', icon: 'chart', phase: 'act' },
];
