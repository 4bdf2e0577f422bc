import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The server's layers, top to bottom. A file may import its own layer or any layer below it, never
 * one above: routes → services → engine/realtime → repositories → lib. `server.ts` and `features*`
 * are the composition root (top); `deps.ts` (what it builds, from services) and `app-instance.ts` (the app
 * type) sit between the services and the routes that use them; `config.ts` and `version.ts` are leaves.
 */
const ROOT_FILES: Record<string, string> = {
  'deps.ts': 'wiring',
  'app-instance.ts': 'wiring',
  'config.ts': 'lib',
  'version.ts': 'lib',
};
const LAYERS: Record<string, number> = {
  root: 7,
  wiring: 4.5,
  demo: 7,
  features: 7,
  http: 5,
  ws: 5,
  services: 4,
  // Operator tasks over the whole database (backup, restore, digests), used by the CLI.
  ops: 4,
  analysis: 3,
  live: 3,
  realtime: 2,
  db: 1,
  lib: 0,
};

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');

function layerOf(file: string): string {
  const rel = path.relative(src, file).split(path.sep);
  return rel.length === 1 ? (ROOT_FILES[rel[0] ?? ''] ?? 'root') : (rel[0] ?? 'root');
}

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      yield* sources(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      yield full;
    }
  }
}

describe('server layers', () => {
  it('no import runs upward', () => {
    const upward: string[] = [];
    for (const file of sources(src)) {
      const from = layerOf(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const target = layerOf(path.resolve(path.dirname(file), spec as string));
        if ((LAYERS[target] ?? 0) > (LAYERS[from] ?? 0)) {
          upward.push(`${path.relative(src, file)} → ${spec} (${from} imports ${target})`);
        }
      }
    }
    expect(upward).toEqual([]);
  });

  // Memos keyed by the identity of immutable values (an event's or a message's JSON text): the same
  // answer for every app in the process, so not per-app state.
  const IDENTITY_MEMOS = ['live/event-json.ts', 'realtime/message-text.ts'];

  it('keeps no per-app state in module-level WeakMaps', () => {
    const found: string[] = [];
    for (const file of sources(src)) {
      if (IDENTITY_MEMOS.includes(path.relative(src, file))) {
        continue;
      }
      if (/^const \w+ = new WeakMap/m.test(readFileSync(file, 'utf8'))) {
        found.push(path.relative(src, file));
      }
    }
    expect(found).toEqual([]);
  });

  it('keeps no re-export shim: a module is imported from its real home', () => {
    const shims: string[] = [];
    for (const file of sources(src)) {
      // The package's public entry point gathers exports on purpose; it is no shim.
      if (path.relative(src, file) === 'index.ts') {
        continue;
      }
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
        .trim();
      const statements = code.split(/;\s*\n/).filter((l) => l.trim() !== '');
      if (
        statements.length > 0 &&
        statements.every((l) => /^export\s[\s\S]*\sfrom\s'[^']+';?$/.test(l.trim()))
      ) {
        shims.push(path.relative(src, file));
      }
    }
    expect(shims).toEqual([]);
  });

  /**
   * Issue 13 §5: JSON columns are parsed once, in the repositories (db/stored-json.ts schemas), so
   * services, routes and feature slots receive domain values. They may not parse stored JSON
   * themselves: no `readJson`, `readStored` or `decodeRow` import, and (services and features) no
   * `JSON.parse`. Every service has moved: the list is empty and stays so.
   */

  it('parses stored JSON only in repositories', () => {
    const parsing: string[] = [];
    for (const file of sources(src)) {
      const layer = layerOf(file);
      if (!['services', 'http', 'ws', 'features'].includes(layer)) {
        continue;
      }
      const code = readFileSync(file, 'utf8');
      const importsParser =
        /import\s*{[^}]*\b(readJson|readStored|decodeRow|decodeRows)\b[^}]*}\s*from\s*'[^']*(lib\/json|db\/stored-json)\.ts'/.test(
          code,
        );
      const parses = (layer === 'services' || layer === 'features') && /\bJSON\.parse\(/.test(code);
      if (importsParser || parses) {
        parsing.push(path.relative(src, file));
      }
    }
    expect(parsing.sort()).toEqual([]);
  });

  /**
   * Thin routes → services → repositories: a service orchestrates (rights, guards, transactions, core
   * calls) and reaches the database only through `db/repositories/*`, passing its `trx` along. No query
   * builder call in a service. The list below holds the services not moved yet; it only shrinks.
   */
  const STILL_QUERYING = [
    'services/account.service.ts',
    'services/auth.service.ts',
    'services/conversations.service.ts',
    'services/live-decisions.ts',
    'services/methods-recommend.service.ts',
    'services/methods.service.ts',
    'services/networks-data.service.ts',
    'services/networks-survey.service.ts',
    'services/options-boards.service.ts',
    'services/participants.service.ts',
    'services/people.service.ts',
    'services/workshops.service.ts',
  ];

  it('services do not query the database', () => {
    const querying: string[] = [];
    for (const file of sources(src)) {
      if (layerOf(file) !== 'services') {
        continue;
      }
      if (
        /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/.test(
          readFileSync(file, 'utf8'),
        )
      ) {
        querying.push(path.relative(src, file));
      }
    }
    expect(querying.sort()).toEqual(STILL_QUERYING);
  });
});
