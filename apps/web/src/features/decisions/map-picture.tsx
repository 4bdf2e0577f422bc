import { type GovernanceMap, layoutCircles, type MapChange, renderMapSvg } from '@essaim/core/decisions';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type GovernanceMapData, mapSvgUrl, tx } from './api';

const FILLS = [
  'var(--mantine-color-blue-0)',
  'var(--mantine-color-blue-1)',
  'var(--mantine-color-blue-2)',
  'var(--mantine-color-blue-3)',
];

/**
 * Nested circles (layout from core), with circles changed by a proposal outlined in a dashed stroke and
 * named in the title, so the difference never relies on colour alone. The table below says the same.
 */
export function MapPicture({
  data,
  title,
  changes = [],
}: {
  data: GovernanceMapData;
  title: string;
  changes?: readonly MapChange[];
}) {
  const { t } = useTranslation();
  const layout = layoutCircles(data as GovernanceMap);
  if (layout.length === 0) {
    return null;
  }
  const width = Math.max(...layout.map((l) => l.x + l.r)) + 10;
  const height = Math.max(...layout.map((l) => l.y + l.r)) + 10;
  const byId = new Map(data.circles.map((c) => [c.id, c]));
  const changed = new Map(changes.filter((c) => c.entity === 'circle').map((c) => [c.id, c.change]));
  return (
    <svg
      viewBox={`0 0 ${Math.ceil(width)} ${Math.ceil(height)}`}
      style={{ width: '100%', maxWidth: Math.ceil(width), maxHeight: 480 }}
      role="img"
      aria-label={t('decisions.governance.pictureLabel', { name: title })}
      data-testid="map-picture"
    >
      {layout.map((l) => {
        const change = changed.get(l.id);
        const circle = byId.get(l.id);
        return (
          <g key={l.id}>
            <title>
              {circle?.name}
              {change ? ` (${tx(t, `decisions.governance.change.${change}`)})` : ''}
            </title>
            <circle
              cx={l.x}
              cy={l.y}
              r={l.r}
              fill={FILLS[l.depth % FILLS.length]}
              stroke={
                change === 'added'
                  ? 'var(--mantine-color-teal-7)'
                  : change
                    ? 'var(--mantine-color-orange-7)'
                    : 'var(--mantine-color-blue-7)'
              }
              strokeWidth={change ? 3 : 1.5}
              strokeDasharray={change ? '6 4' : undefined}
            />
            <text
              x={l.x}
              y={l.y - l.r + 18}
              textAnchor="middle"
              fontSize={13}
              fill="var(--mantine-color-text)"
            >
              {circle?.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The same map as tables: circles, roles, decision areas and double links. */
export function MapTables({
  data,
  changes = [],
}: {
  data: GovernanceMapData;
  changes?: readonly MapChange[];
}) {
  const { t } = useTranslation();
  const circleName = (id: string) => data.circles.find((c) => c.id === id)?.name ?? id;
  const mark = (entity: MapChange['entity'], id: string) => {
    const c = changes.find((x) => x.entity === entity && x.id === id);
    return c ? (
      <Badge size="xs" ml={6} color={c.change === 'added' ? 'teal' : 'orange'} variant="light">
        {tx(t, `decisions.governance.change.${c.change}`)}
      </Badge>
    ) : null;
  };
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table withTableBorder fz="sm" data-testid="map-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('decisions.governance.circle')}</Table.Th>
            <Table.Th>{t('decisions.governance.roles')}</Table.Th>
            <Table.Th>{t('decisions.governance.areas')}</Table.Th>
            <Table.Th>{t('decisions.governance.links')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.circles.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Text fw={600} size="sm" span>
                  {c.name}
                </Text>
                {mark('circle', c.id)}
                {c.parentId && (
                  <Text size="xs" c="dimmed">
                    {t('decisions.governance.parentLine', { name: circleName(c.parentId) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {data.roles
                  .filter((r) => r.circleId === c.id)
                  .map((r) => (
                    <div key={r.id}>
                      {r.name}
                      {r.holders.length > 0 && ` (${r.holders.join(', ')})`}
                      {mark('role', r.id)}
                    </div>
                  ))}
              </Table.Td>
              <Table.Td>
                {data.areas
                  .filter((a) => a.circleId === c.id)
                  .map((a) => (
                    <div key={a.id}>
                      {a.name} — {tx(t, `decisions.governance.levels.${a.level}`)},{' '}
                      {tx(t, `decisions.rules.${a.rule}`)}
                      {mark('area', a.id)}
                    </div>
                  ))}
              </Table.Td>
              <Table.Td>
                {data.links
                  .filter((l) => l.circleId === c.id)
                  .map((l) => (
                    <div key={l.id}>
                      {t('decisions.governance.linkLine', {
                        kind: tx(t, `decisions.governance.${l.kind}`),
                        holder: l.holder,
                      })}
                      {mark('link', l.id)}
                    </div>
                  ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Export as SVG (from the server), PNG (drawn here from the same SVG) and JSON. */
export function MapExports({
  orgId,
  mapId,
  title,
  data,
}: {
  orgId: string;
  mapId: string;
  title: string;
  data: GovernanceMapData;
}) {
  const { t } = useTranslation();
  const png = () => {
    const svg = renderMapSvg(data as GovernanceMap, { title });
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = img.width * 2;
      canvas.height = img.height * 2;
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        return;
      }
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob((b) => b && download(`${title}.png`, b), 'image/png');
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  };
  return (
    <Group gap="xs" aria-label={t('decisions.governance.exportLabel', { name: title })} role="group">
      <Button component="a" href={mapSvgUrl(orgId, mapId)} size="xs" variant="default">
        {t('decisions.governance.exportSvg')}
      </Button>
      <Button size="xs" variant="default" onClick={png}>
        {t('decisions.governance.exportPng')}
      </Button>
      <Button
        size="xs"
        variant="default"
        onClick={() =>
          download(`${title}.json`, new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }))
        }
      >
        {t('decisions.governance.exportJson')}
      </Button>
    </Group>
  );
}
