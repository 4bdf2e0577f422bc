import { describe, expect, it } from 'vitest';
import { CLIENT_ERROR_CODES, SERVER_ERROR_CODES } from '../lib/api';
import { enCatalogue as en, frCatalogue as fr } from './catalogue';

type Catalogue = { [key: string]: string | Catalogue };

/** i18next plural suffixes; French and English need different sets, so they compare as one key. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattens nested catalogues into dotted keys → leaf values; non-string leaves are reported as errors. */
function flatten(node: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      flatten(value, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, node);
  }
  return out;
}

function baseKeys(entries: Map<string, unknown>): Set<string> {
  return new Set([...entries.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

/** `{{name}}`, `{{name, format}}` and `$t(key)` references, sorted and de-duplicated. */
function placeholders(value: string): string[] {
  const found = new Set<string>();
  for (const match of value.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)) {
    found.add(`{{${match[1]}}}`);
  }
  for (const match of value.matchAll(/\$t\(([^),]+)/g)) {
    found.add(`$t(${match[1]})`);
  }
  return [...found].sort();
}

const catalogues: Record<string, Catalogue> = { fr, en };
const flat = Object.fromEntries(Object.entries(catalogues).map(([lng, cat]) => [lng, flatten(cat)]));
const frFlat = flat.fr!;
const enFlat = flat.en!;

describe('locales', () => {
  it('have the same keys in French and English', () => {
    const frKeys = baseKeys(frFlat);
    const enKeys = baseKeys(enFlat);
    expect(
      [...frKeys].filter((key) => !enKeys.has(key)),
      'keys missing in en.json',
    ).toEqual([]);
    expect(
      [...enKeys].filter((key) => !frKeys.has(key)),
      'keys missing in fr.json',
    ).toEqual([]);
  });

  it.each(Object.keys(catalogues))('%s has only non-empty string values', (lng) => {
    const bad = [...flat[lng]!.entries()]
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);
    expect(bad, `empty or non-string values in ${lng}.json`).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const mismatches: string[] = [];
    for (const [key, frValue] of frFlat) {
      const enValue = enFlat.get(key);
      if (typeof frValue !== 'string' || typeof enValue !== 'string') {
        continue;
      }
      const frVars = placeholders(frValue);
      const enVars = placeholders(enValue);
      if (frVars.join() !== enVars.join()) {
        mismatches.push(`${key}: fr ${frVars.join(' ') || '∅'} ≠ en ${enVars.join(' ') || '∅'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('translate every API error code', () => {
    const codes = [...SERVER_ERROR_CODES, ...CLIENT_ERROR_CODES];
    for (const [lng, entries] of Object.entries(flat)) {
      const missing = codes.filter((code) => !entries.has(`errors.${code}`));
      expect(missing, `errors.<CODE> missing in ${lng}.json`).toEqual([]);
    }
  });
});

describe('locale test helpers', () => {
  it('detect a missing nested key', () => {
    const a = baseKeys(flatten({ a: { b: 'x', c: 'y' } }));
    const b = baseKeys(flatten({ a: { b: 'x' } }));
    expect([...a].filter((key) => !b.has(key))).toEqual(['a.c']);
  });

  it('treat plural variants as one key', () => {
    expect([...baseKeys(flatten({ n_one: 'x', n_many: 'y', n_other: 'z' }))]).toEqual(['n']);
  });

  it('extract interpolation variables regardless of spacing and format', () => {
    expect(placeholders('{{ count }} / {{date, datetime}} $t(app.name)')).toEqual([
      '$t(app.name)',
      '{{count}}',
      '{{date}}',
    ]);
  });
});
