/** Collectives, people, import and consent: types from the contract, query keys and queries. */
import type {
  Collective,
  ConsentSchema,
  ImportPreviewSchema,
  ImportResultSchema,
  Person,
} from '@essaim/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type { Collective, Person };
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
export type ImportResult = z.infer<typeof ImportResultSchema>;
export type Consent = z.infer<typeof ConsentSchema>;
export type { ConsentPurpose } from '@essaim/contracts';
export type CollectiveKind = Collective['kind'];
export const COLLECTIVE_KINDS: CollectiveKind[] = [
  'team',
  'circle',
  'community',
  'site',
  'department',
  'other',
];

const enc = encodeURIComponent;
export const orgPath = (orgId: string) => `/api/orgs/${enc(orgId)}`;

export const peopleKeys = {
  collectives: (orgId: string) => ['people', orgId, 'collectives'] as const,
  people: (orgId: string) => ['people', orgId, 'people'] as const,
  peopleQuery: (orgId: string, collectiveId: string | null, q: string) =>
    ['people', orgId, 'people', collectiveId ?? '', q] as const,
  consents: (orgId: string, personId: string) => ['people', orgId, 'consents', personId] as const,
};

export function useCollectives(orgId: string, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.collectives(orgId),
    queryFn: () => api.get<{ collectives: Collective[] }>(`${orgPath(orgId)}/collectives`),
    select: (data) => data.collectives,
    enabled,
  });
}

export function usePeople(orgId: string, collectiveId: string | null, q: string) {
  return useQuery({
    queryKey: peopleKeys.peopleQuery(orgId, collectiveId, q),
    queryFn: () =>
      api.get<{ people: Person[] }>(`${orgPath(orgId)}/people`, {
        query: { collectiveId: collectiveId ?? undefined, q: q || undefined },
      }),
    select: (data) => data.people,
    placeholderData: (previous) => previous,
  });
}

export function useConsents(orgId: string, personId: string) {
  return useQuery({
    queryKey: peopleKeys.consents(orgId, personId),
    queryFn: () => api.get<{ consents: Consent[] }>(`${orgPath(orgId)}/people/${enc(personId)}/consents`),
    select: (data) => data.consents,
  });
}

export interface CollectiveNode extends Collective {
  children: CollectiveNode[];
  depth: number;
}

/** Nests collectives under their parents (orphans become roots), sorted by name at each level. */
export function buildTree(collectives: readonly Collective[]): CollectiveNode[] {
  const byId = new Map<string, CollectiveNode>();
  for (const c of collectives) {
    byId.set(c.id, { ...c, children: [], depth: 0 });
  }
  const roots: CollectiveNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent && parent !== node) {
      parent.children.push(node);
    } else {
      roots.push(node);
    }
  }
  const sortAndDepth = (nodes: CollectiveNode[], depth: number, seen: Set<string>) => {
    nodes.sort((a, b) => a.name.localeCompare(b.name));
    for (const n of nodes) {
      if (seen.has(n.id)) {
        n.children = [];
        continue;
      }
      seen.add(n.id);
      n.depth = depth;
      sortAndDepth(n.children, depth + 1, seen);
    }
  };
  sortAndDepth(roots, 0, new Set());
  return roots;
}

/** Depth-first list with depth, for selects ("— Team A"). */
export function flattenTree(nodes: readonly CollectiveNode[], out: CollectiveNode[] = []): CollectiveNode[] {
  for (const n of nodes) {
    out.push(n);
    flattenTree(n.children, out);
  }
  return out;
}

/** Ids of a collective and all its descendants (a collective cannot move under itself). */
export function descendantIds(node: CollectiveNode, out = new Set<string>()): Set<string> {
  out.add(node.id);
  for (const child of node.children) {
    descendantIds(child, out);
  }
  return out;
}
