/**
 * @module Instrument model for collective diagnostics: instrument → constructs → items.
 *
 * Items carry their own wording in French and English. An instrument is versioned so that
 * campaigns can only be compared when they used the same construct definitions.
 */

/** Languages every item must be written in. */
export type Locale = 'fr' | 'en';

/** A text written in both supported languages. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/** Identifiers of the response scales an item may use. */
export type ScaleId = 'agreement5' | 'agreement7' | 'frequency5' | 'yesno' | 'scale0to10' | 'openText';

/** Grouping used by reports: the five IC forms, the team climate, or open feedback. */
export type ConstructFamily = 'ic-form' | 'climate' | 'open';

/** One idea the instrument measures, scored from one or more items. */
export interface Construct {
  /** Stable identifier (kebab-case), shared by all versions measuring the same idea. */
  readonly id: string;
  /** Short name shown in reports. */
  readonly name: LocalizedText;
  /** One-sentence meaning, shown to readers of a report. */
  readonly description: LocalizedText;
  /** Report grouping. */
  readonly family: ConstructFamily;
}

/** One question. Numeric items feed their construct score; open-text items feed themes. */
export interface Item {
  /** Stable identifier (kebab-case); the same id keeps the same meaning across versions. */
  readonly id: string;
  /** Construct this item belongs to. */
  readonly constructId: string;
  /** Wording in both languages. */
  readonly text: LocalizedText;
  /** Response scale. */
  readonly scale: ScaleId;
  /** True when agreeing means a worse situation: the answer is mirrored before scoring. */
  readonly isReverseScored?: boolean;
  /** True when the respondent may skip the item. */
  readonly isOptional?: boolean;
}

/** A versioned questionnaire. */
export interface Instrument {
  /** Stable identifier of the questionnaire family, e.g. `essaim-ic`. */
  readonly id: string;
  /** Semantic version (`1.0.0`); campaigns compare only within one id + version. */
  readonly version: string;
  /** Title shown to respondents. */
  readonly name: LocalizedText;
  /** Constructs in display order. */
  readonly constructs: readonly Construct[];
  /** Items in display order. */
  readonly items: readonly Item[];
}
