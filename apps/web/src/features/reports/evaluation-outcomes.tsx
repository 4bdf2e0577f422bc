import type { EvaluationView } from '@essaim/contracts';
import { Badge, Button, Group, Progress, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const num = (n: number | null) => (n === null ? '—' : String(n));
const pct = (p: number | null) => (p === null ? '—' : `${Math.round(p * 100)} %`);

/** A read-only table with a caption for screen readers (the section title is the visible one). */
function ReadTable({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped withTableBorder>
        <VisuallyHidden component="caption">{caption}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            {head.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are fixed for one render, read-only
            <Table.Tr key={i}>
              {r.map((c, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells of a read-only row
                <Table.Td key={j}>{c}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Adopted charters and how many committed, declined or withdrew (counts only, never names). */
export function ChartersOutcome({ view, base }: { view: EvaluationView; base: string }) {
  const { t, i18n } = useTranslation();
  const k = 'reports.evaluation.outcomes';
  return (
    <Stack gap="sm">
      {view.charters.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`${k}.noCharter`)}
        </Text>
      ) : (
        <ReadTable
          caption={t(`${k}.chartersTitle`)}
          head={[
            t(`${k}.charter`),
            t(`${k}.version`),
            t(`${k}.adoptedOn`),
            t(`${k}.committed`),
            t(`${k}.declined`),
            t(`${k}.withdrawn`),
          ]}
          rows={view.charters.map((c) => [
            c.title,
            c.version,
            new Date(c.adoptedAt).toLocaleDateString(i18n.language),
            c.committed,
            c.declined,
            c.withdrawn,
          ])}
        />
      )}
      <Group>
        <Button component={Link} to={`${base}/charters`} variant="default" size="xs">
          {t('reports.evaluation.more.charters')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Milestones by status and each indicator against its target (share of the way from the baseline). */
export function PlanOutcome({
  view,
  base,
  canOpen,
}: {
  view: EvaluationView;
  base: string;
  canOpen: boolean;
}) {
  const { t } = useTranslation();
  const k = 'reports.evaluation.outcomes';
  const plan = view.plan;
  return (
    <Stack gap="sm">
      {plan === null ? (
        <Text size="sm" c="dimmed">
          {t(`${k}.noPlan`)}
        </Text>
      ) : (
        <>
          <Group gap="xs" wrap="wrap" aria-label={t(`${k}.milestones`)} role="list">
            {plan.milestones.map((m) => (
              <Badge
                key={m.status}
                variant="light"
                color={m.status === 'done' ? 'teal' : 'gray'}
                role="listitem"
              >
                {t(`${k}.milestoneCount`, { status: t(`plans.statuses.${m.status}`), count: m.count })}
              </Badge>
            ))}
          </Group>
          {plan.indicators.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t(`${k}.noIndicator`)}
            </Text>
          ) : (
            <ReadTable
              caption={t(`${k}.indicators`)}
              head={[
                t(`${k}.indicator`),
                t(`${k}.baseline`),
                t(`${k}.target`),
                t(`${k}.latest`),
                t(`${k}.progress`),
              ]}
              rows={plan.indicators.map((i) => [
                i.name,
                num(i.baseline),
                num(i.target),
                num(i.latest),
                <Stack key="p" gap={2}>
                  <Text size="sm">{i.measures < 2 ? t(`${k}.notRemeasured`) : pct(i.progress)}</Text>
                  {i.progress !== null && i.measures >= 2 && (
                    <Progress value={Math.max(0, Math.min(100, i.progress * 100))} size="sm" aria-hidden />
                  )}
                </Stack>,
              ])}
            />
          )}
        </>
      )}
      {canOpen && (
        <Group>
          <Button component={Link} to={`${base}/plan`} variant="default" size="xs">
            {t('reports.evaluation.more.plan')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Per spread practice, how many target collectives stand at each stage of adoption. */
export function PracticesOutcome({ view }: { view: EvaluationView }) {
  const { t } = useTranslation();
  const k = 'reports.evaluation.outcomes';
  const stages = view.practices[0]?.stages.map((s) => s.stage) ?? [];
  return (
    <Stack gap="sm">
      {view.practices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(`${k}.noPractice`)}
        </Text>
      ) : (
        <ReadTable
          caption={t(`${k}.practicesTitle`)}
          head={[
            t(`${k}.practice`),
            t(`${k}.collectives`),
            ...stages.map((s) => t(`pollination.plan.stages.${s}`)),
          ]}
          rows={view.practices.map((p) => [
            p.practice || p.title,
            p.collectives,
            ...p.stages.map((s) => s.count),
          ])}
        />
      )}
      <Group>
        <Button component={Link} to="/pollination" variant="default" size="xs">
          {t('reports.evaluation.more.adoption')}
        </Button>
      </Group>
    </Stack>
  );
}
