/**
 * @module Validate instruments and assemble custom ones from the item bank plus own items.
 */
import type { Construct, Instrument, Item } from './instrument';
import { SCALES } from './scales';

/** Why an instrument is invalid. `path` points at the offending field. */
export interface InstrumentError {
  readonly code:
    | 'invalid-id'
    | 'invalid-version'
    | 'duplicate-construct'
    | 'duplicate-item'
    | 'unknown-construct'
    | 'unknown-scale'
    | 'missing-text'
    | 'empty-construct'
    | 'unknown-bank-item'
    | 'no-items';
  readonly path: string;
  readonly message: string;
}

/** Result type used by builders: a value or the list of errors. */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: E[] };

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;

function hasText(text: unknown): boolean {
  if (typeof text !== 'object' || text === null) {
    return false;
  }
  const record = text as Record<string, unknown>;
  return ['fr', 'en'].every((locale) => {
    const value = record[locale];
    return typeof value === 'string' && value.trim().length > 0;
  });
}

/**
 * Check an instrument's structure: ids, version, bilingual texts, scales, construct links.
 * @returns every problem found (empty when valid).
 * @example validateInstrument(ESSAIM_IC) // []
 */
export function validateInstrument(instrument: Instrument): InstrumentError[] {
  const errors: InstrumentError[] = [];
  const push = (code: InstrumentError['code'], path: string, message: string) =>
    errors.push({ code, path, message });
  if (!ID_PATTERN.test(instrument.id)) {
    push('invalid-id', 'id', `instrument id "${instrument.id}" must be kebab-case`);
  }
  if (!VERSION_PATTERN.test(instrument.version)) {
    push('invalid-version', 'version', `version "${instrument.version}" must look like 1.0.0`);
  }
  if (!hasText(instrument.name)) {
    push('missing-text', 'name', 'instrument name needs fr and en');
  }
  const constructIds = new Set<string>();
  instrument.constructs.forEach((construct, index) => {
    const path = `constructs[${index}]`;
    if (!ID_PATTERN.test(construct.id)) {
      push('invalid-id', `${path}.id`, `construct id "${construct.id}" must be kebab-case`);
    }
    if (constructIds.has(construct.id)) {
      push('duplicate-construct', `${path}.id`, `construct "${construct.id}" is defined twice`);
    }
    constructIds.add(construct.id);
    if (!hasText(construct.name) || !hasText(construct.description)) {
      push('missing-text', path, `construct "${construct.id}" needs a name and description in fr and en`);
    }
  });
  if (instrument.items.length === 0) {
    push('no-items', 'items', 'an instrument needs at least one item');
  }
  const itemIds = new Set<string>();
  const usedConstructs = new Set<string>();
  instrument.items.forEach((item, index) => {
    const path = `items[${index}]`;
    if (!ID_PATTERN.test(item.id)) {
      push('invalid-id', `${path}.id`, `item id "${item.id}" must be kebab-case`);
    }
    if (itemIds.has(item.id)) {
      push('duplicate-item', `${path}.id`, `item "${item.id}" is defined twice`);
    }
    itemIds.add(item.id);
    if (!constructIds.has(item.constructId)) {
      push('unknown-construct', `${path}.constructId`, `item "${item.id}" points to unknown construct`);
    }
    usedConstructs.add(item.constructId);
    if (!Object.hasOwn(SCALES, item.scale)) {
      push('unknown-scale', `${path}.scale`, `item "${item.id}" uses unknown scale "${item.scale}"`);
    }
    if (!hasText(item.text)) {
      push('missing-text', `${path}.text`, `item "${item.id}" needs text in fr and en`);
    }
  });
  instrument.constructs.forEach((construct, index) => {
    if (!usedConstructs.has(construct.id)) {
      push('empty-construct', `constructs[${index}]`, `construct "${construct.id}" has no item`);
    }
  });
  return errors;
}

/** Props of {@link buildCustomInstrument}. */
export interface CustomInstrumentProps {
  /** Identifier of the new instrument (kebab-case). */
  readonly id: string;
  /** Semantic version of the new instrument. */
  readonly version: string;
  /** Title in both languages. */
  readonly name: Instrument['name'];
  /** Instrument whose items can be reused (the bank). */
  readonly bank: Instrument;
  /** Ids of bank items to keep, in display order. Their constructs come along. */
  readonly bankItemIds: readonly string[];
  /** Constructs written by the user (may also reuse bank construct ids). */
  readonly ownConstructs?: readonly Construct[];
  /** Items written by the user, appended after the bank items. */
  readonly ownItems?: readonly Item[];
}

/**
 * Assemble an instrument from bank items and the user's own constructs and items, then validate it.
 * @example buildCustomInstrument({ id: 'my-team', version: '1.0.0', name, bank: ESSAIM_IC, bankItemIds: ['safety-risk'] })
 */
export function buildCustomInstrument(props: CustomInstrumentProps): Result<Instrument, InstrumentError> {
  const bankItems = new Map(props.bank.items.map((item) => [item.id, item]));
  const errors: InstrumentError[] = [];
  const items: Item[] = [];
  props.bankItemIds.forEach((id, index) => {
    const item = bankItems.get(id);
    if (item === undefined) {
      errors.push({
        code: 'unknown-bank-item',
        path: `bankItemIds[${index}]`,
        message: `no bank item "${id}"`,
      });
    } else {
      items.push(item);
    }
  });
  items.push(...(props.ownItems ?? []));
  const ownConstructs = props.ownConstructs ?? [];
  const ownIds = new Set(ownConstructs.map((construct) => construct.id));
  const usedIds = new Set(items.map((item) => item.constructId));
  const constructs = [
    ...props.bank.constructs.filter((construct) => usedIds.has(construct.id) && !ownIds.has(construct.id)),
    ...ownConstructs,
  ];
  const instrument: Instrument = {
    id: props.id,
    version: props.version,
    name: props.name,
    constructs,
    items,
  };
  errors.push(...validateInstrument(instrument));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: instrument };
}

/**
 * Keep only the given items (and the constructs they use). Item ids keep their meaning, so
 * answers collected with the full instrument can be rescored with the restricted one.
 */
export function restrictInstrument(
  instrument: Instrument,
  itemIds: readonly string[],
  id: string,
): Instrument {
  const keep = new Set(itemIds);
  const items = instrument.items.filter((item) => keep.has(item.id));
  const usedIds = new Set(items.map((item) => item.constructId));
  const constructs = instrument.constructs.filter((construct) => usedIds.has(construct.id));
  return { ...instrument, id, constructs, items };
}
