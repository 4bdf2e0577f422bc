/**
 * @module Interpretation of a summary: IC-forms profile, effectiveness level, highlights.
 */
import {
  type EffectivenessLevel,
  type IcFormsProfile,
  profileIcForms,
  rateEffectiveness,
} from './effectiveness';
import { findHighlights, type HighlightOptions, type Highlights } from './highlights';
import type { DiagnosticSummary } from './summary';

/** What a report says about a group beyond raw scores. */
export interface Interpretation {
  readonly profile: IcFormsProfile;
  readonly effectiveness: EffectivenessLevel;
  readonly highlights: { readonly constructs: Highlights; readonly items: Highlights };
}

/** Profile, effectiveness level and contributors/blockers of one summary. */
export function interpretSummary(
  summary: DiagnosticSummary,
  highlightOptions: Partial<HighlightOptions> = {},
): Interpretation {
  return {
    profile: profileIcForms(summary),
    effectiveness: rateEffectiveness(summary),
    highlights: findHighlights(summary, highlightOptions),
  };
}
