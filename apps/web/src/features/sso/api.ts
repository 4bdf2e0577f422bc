import type { SsoPolicy, SsoProvider, SsoPublicProvider } from '@essaim/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface SsoLink {
  providerId: string;
  providerName: string;
  subject: string;
  linkedAt: string;
}

export const ssoKeys = {
  publicProviders: ['sso', 'public'] as const,
  links: ['sso', 'links'] as const,
  providers: (orgId: string | null) => ['sso', 'providers', orgId ?? 'instance'] as const,
  policy: (orgId: string) => ['sso', 'policy', orgId] as const,
};

/** Base path of a provider list: the instance's (admin) or an organisation's (owner). */
export const providersPath = (orgId: string | null) =>
  orgId ? `/api/orgs/${encodeURIComponent(orgId)}/sso/providers` : '/api/admin/sso/providers';

export function usePublicProviders() {
  return useQuery({
    queryKey: ssoKeys.publicProviders,
    queryFn: () => api.get<{ providers: SsoPublicProvider[] }>('/api/auth/sso/providers'),
    select: (data) => data.providers,
  });
}

export function useSsoLinks() {
  return useQuery({
    queryKey: ssoKeys.links,
    queryFn: () => api.get<{ links: SsoLink[] }>('/api/me/sso-links'),
    select: (data) => data.links,
  });
}

export function useProviders(orgId: string | null, enabled = true) {
  return useQuery({
    queryKey: ssoKeys.providers(orgId),
    queryFn: () => api.get<{ providers: SsoProvider[] }>(providersPath(orgId)),
    select: (data) => data.providers,
    enabled,
  });
}

export function usePolicy(orgId: string, enabled = true) {
  return useQuery({
    queryKey: ssoKeys.policy(orgId),
    queryFn: () => api.get<SsoPolicy>(`/api/orgs/${encodeURIComponent(orgId)}/sso/policy`),
    enabled,
  });
}

/** Start signing in (or linking) at a provider: the server answers with the provider's URL. */
export async function goToProvider(path: string, returnTo: string): Promise<void> {
  const { url } = await api.post<{ url: string }>(path, { returnTo });
  window.location.assign(url);
}
