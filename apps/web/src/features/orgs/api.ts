import type { Organisation } from '@essaim/contracts';
import type { Role } from '@essaim/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface Member {
  userId: string;
  displayName: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
  invitedBy: string | null;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
}

export interface CreatedInvitation {
  invitation: Invitation;
  link: string;
  emailed: boolean;
}

export const orgKeys = {
  all: ['orgs'] as const,
  one: (orgId: string) => ['orgs', orgId] as const,
  members: (orgId: string) => ['orgs', orgId, 'members'] as const,
  invitations: (orgId: string) => ['orgs', orgId, 'invitations'] as const,
};

export function useOrganisation(orgId: string) {
  return useQuery({
    queryKey: orgKeys.one(orgId),
    queryFn: () => api.get<Organisation>(`/api/orgs/${encodeURIComponent(orgId)}`),
  });
}

export function useMembers(orgId: string, enabled = true) {
  return useQuery({
    queryKey: orgKeys.members(orgId),
    queryFn: () => api.get<{ members: Member[] }>(`/api/orgs/${encodeURIComponent(orgId)}/members`),
    select: (data) => data.members,
    enabled,
  });
}

export function useInvitations(orgId: string) {
  return useQuery({
    queryKey: orgKeys.invitations(orgId),
    queryFn: () =>
      api.get<{ invitations: Invitation[] }>(`/api/orgs/${encodeURIComponent(orgId)}/invitations`),
    select: (data) => data.invitations,
  });
}
