import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tx, useChooseRule, useRecommendRules } from './api';

/**
 * The group chooses its decision rule first: a few facts about the moment, at least three explained
 * rules, and a choice with its reason written down as a decision. Nothing is chosen automatically.
 */
export function RuleChoiceSection({
  orgId,
  engagementId,
  currentRule,
  canRecord,
}: {
  orgId: string;
  engagementId: string;
  currentRule: string | null;
  canRecord: boolean;
}) {
  const { t } = useTranslation();
  const recommend = useRecommendRules(orgId, engagementId);
  const choose = useChooseRule(orgId, engagementId);
  const [form, setForm] = useState({
    groupSize: 8,
    trustLevel: 3,
    urgency: 'medium',
    reversibility: 'costly',
    stakes: 'medium',
    hasSeveralOptions: false,
  });
  const [picked, setPicked] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [decidedBy, setDecidedBy] = useState<'group' | 'sponsor'>('group');
  const level = ['low', 'medium', 'high'].map((v) => ({
    value: v,
    label: tx(t, `decisions.ruleChoice.${v}`),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    recommend.mutate(form as Parameters<typeof recommend.mutate>[0]);
  };
  const record = (e: FormEvent) => {
    e.preventDefault();
    if (!picked) {
      return;
    }
    choose.mutate(
      { rule: picked, reason, decidedBy },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('decisions.ruleChoice.recorded') });
          setPicked(null);
          setReason('');
        },
      },
    );
  };
  return (
    <Card p="lg" component="section" aria-labelledby="rule-choice-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="rule-choice-title">
          {t('decisions.ruleChoice.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('decisions.ruleChoice.intro')}
        </Text>
        <Alert color={currentRule ? 'teal' : 'gray'} variant="light" data-testid="current-rule">
          {currentRule
            ? t('decisions.ruleChoice.current', { rule: tx(t, `decisions.rules.${currentRule}`) })
            : t('decisions.ruleChoice.none')}
        </Alert>
        <form onSubmit={submit} data-testid="rule-reco-form">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('decisions.ruleChoice.groupSize')}
              min={1}
              max={100000}
              value={form.groupSize}
              onChange={(v) => setForm((f) => ({ ...f, groupSize: Number(v) || 1 }))}
            />
            <NumberInput
              label={t('decisions.ruleChoice.trust')}
              min={1}
              max={5}
              value={form.trustLevel}
              onChange={(v) =>
                setForm((f) => ({ ...f, trustLevel: Math.min(5, Math.max(1, Number(v) || 1)) }))
              }
            />
            <Select
              label={t('decisions.ruleChoice.urgency')}
              data={level}
              value={form.urgency}
              allowDeselect={false}
              onChange={(v) => setForm((f) => ({ ...f, urgency: v ?? 'medium' }))}
            />
            <Select
              label={t('decisions.ruleChoice.reversibility')}
              data={['easy', 'costly', 'irreversible'].map((v) => ({
                value: v,
                label: tx(t, `decisions.ruleChoice.${v}`),
              }))}
              value={form.reversibility}
              allowDeselect={false}
              onChange={(v) => setForm((f) => ({ ...f, reversibility: v ?? 'costly' }))}
            />
            <Select
              label={t('decisions.ruleChoice.stakes')}
              data={level}
              value={form.stakes}
              allowDeselect={false}
              onChange={(v) => setForm((f) => ({ ...f, stakes: v ?? 'medium' }))}
            />
            <Checkbox
              mt="xl"
              label={t('decisions.ruleChoice.severalOptions')}
              checked={form.hasSeveralOptions}
              onChange={(e) => setForm((f) => ({ ...f, hasSeveralOptions: e.currentTarget.checked }))}
            />
          </SimpleGrid>
          <Group mt="md">
            <Button type="submit" variant="light" loading={recommend.isPending}>
              {t('decisions.ruleChoice.recommend')}
            </Button>
          </Group>
        </form>
        {recommend.data && (
          <>
            <Text size="sm" data-testid="rule-trust-source">
              {recommend.data.trustCampaign
                ? t('decisions.ruleChoice.trustMeasured', {
                    level: recommend.data.trustLevel,
                    title: recommend.data.trustCampaign.title,
                  })
                : t('decisions.ruleChoice.trustDeclared', { level: recommend.data.trustLevel })}
            </Text>
            {recommend.data.notices.map((n) => (
              <Text key={n} size="sm" c="dimmed">
                {tx(t, `decisions.recommend.${n}`)}
              </Text>
            ))}
            <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="rule-options">
              {recommend.data.options.map((o) => (
                <Card
                  key={o.rule}
                  withBorder
                  p="md"
                  component="article"
                  data-testid={`rule-option-${o.rule}`}
                >
                  <Stack gap={6}>
                    <Text size="xs" c="dimmed">
                      {t('decisions.ruleChoice.rank', { rank: o.rank })}
                    </Text>
                    <Title order={3} size="h4">
                      {tx(t, `decisions.rules.${o.rule}`)}
                    </Title>
                    <Text fw={600} size="sm">
                      {t('decisions.ruleChoice.advantages')}
                    </Text>
                    <List size="sm">
                      {o.advantages.map((a) => (
                        <List.Item key={a}>{tx(t, `decisions.recommend.${a}`)}</List.Item>
                      ))}
                    </List>
                    <Text fw={600} size="sm">
                      {t('decisions.ruleChoice.drawbacks')}
                    </Text>
                    <List size="sm">
                      {o.drawbacks.map((a) => (
                        <List.Item key={a}>{tx(t, `decisions.recommend.${a}`)}</List.Item>
                      ))}
                    </List>
                    {o.warnings.length > 0 && (
                      <Alert color="honey" variant="light" p="xs" title={t('decisions.ruleChoice.warnings')}>
                        <List size="sm">
                          {o.warnings.map((w) => (
                            <List.Item key={w}>{tx(t, `decisions.recommend.${w}`)}</List.Item>
                          ))}
                        </List>
                      </Alert>
                    )}
                    {canRecord && (
                      <Button
                        variant={picked === o.rule ? 'filled' : 'light'}
                        size="xs"
                        onClick={() => setPicked(o.rule)}
                      >
                        {t('decisions.ruleChoice.choose')}
                      </Button>
                    )}
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          </>
        )}
        {picked && canRecord && (
          <form onSubmit={record} data-testid="rule-choice-form">
            <Stack gap="sm">
              <Textarea
                label={t('decisions.ruleChoice.reason')}
                required
                autosize
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              <Radio.Group
                value={decidedBy}
                onChange={(v) => setDecidedBy(v as 'group' | 'sponsor')}
                label={t('decisions.ruleChoice.decidedBy')}
              >
                <Group gap="md" mt="xs">
                  <Radio value="group" label={t('decisions.ruleChoice.group')} />
                  <Radio value="sponsor" label={t('decisions.ruleChoice.sponsor')} />
                </Group>
              </Radio.Group>
              <Group>
                <Button type="submit" loading={choose.isPending} disabled={!reason.trim()}>
                  {t('decisions.ruleChoice.record')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
