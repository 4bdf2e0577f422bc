import { Button, Checkbox, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ProviderDraft {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowJit: boolean;
  jitRole: 'facilitator' | 'sponsor' | 'member' | 'observer';
}

const EMPTY: ProviderDraft = {
  name: '',
  issuer: '',
  clientId: '',
  clientSecret: '',
  allowJit: true,
  jitRole: 'member',
};
const JIT_ROLES = ['member', 'observer', 'sponsor', 'facilitator'] as const;

/** Add an OpenID provider: the values come from the provider's client registration. */
export function ProviderForm({
  onSubmit,
  pending,
  withRole,
}: {
  onSubmit: (draft: ProviderDraft, reset: () => void) => void;
  pending: boolean;
  /** Organisation providers give new accounts a role; instance ones create accounts without organisation. */
  withRole: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProviderDraft>(EMPTY);
  const [missing, setMissing] = useState(false);
  const set = <K extends keyof ProviderDraft>(key: K, value: ProviderDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const incomplete =
      !draft.name.trim() || !/^https?:\/\/\S+$/.test(draft.issuer.trim()) || !draft.clientId.trim();
    setMissing(incomplete);
    if (!incomplete) {
      onSubmit(draft, () => setDraft(EMPTY));
    }
  };
  return (
    <form onSubmit={submit} noValidate data-testid="sso-provider-form">
      <Stack gap="sm">
        <TextInput
          label={t('sso.form.name')}
          description={t('sso.form.nameHelp')}
          value={draft.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={missing && !draft.name.trim() ? t('sso.form.required') : undefined}
          required
        />
        <TextInput
          label={t('sso.form.issuer')}
          description={t('sso.form.issuerHelp')}
          placeholder="https://idp.example.org/realms/agents"
          value={draft.issuer}
          onChange={(e) => set('issuer', e.currentTarget.value)}
          error={
            missing && !/^https?:\/\/\S+$/.test(draft.issuer.trim()) ? t('sso.form.issuerInvalid') : undefined
          }
          required
        />
        <TextInput
          label={t('sso.form.clientId')}
          value={draft.clientId}
          onChange={(e) => set('clientId', e.currentTarget.value)}
          error={missing && !draft.clientId.trim() ? t('sso.form.required') : undefined}
          required
        />
        <TextInput
          label={t('sso.form.clientSecret')}
          description={t('sso.form.clientSecretHelp')}
          type="password"
          autoComplete="off"
          value={draft.clientSecret}
          onChange={(e) => set('clientSecret', e.currentTarget.value)}
        />
        <Checkbox
          label={t('sso.form.allowJit')}
          description={t('sso.form.allowJitHelp')}
          checked={draft.allowJit}
          onChange={(e) => set('allowJit', e.currentTarget.checked)}
        />
        {withRole && (
          <Select
            label={t('sso.form.jitRole')}
            data={JIT_ROLES.map((r) => ({ value: r, label: t(`orgs.roles.${r}.label`) }))}
            value={draft.jitRole}
            onChange={(v) => v && set('jitRole', v as ProviderDraft['jitRole'])}
            allowDeselect={false}
          />
        )}
        <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {t('sso.form.add')}
        </Button>
      </Stack>
    </form>
  );
}
