import type { ChartSpec } from '@essaim/core/reports';
import * as echarts from 'echarts';

/**
 * Charts of a report as SVG vectors, drawn by ECharts' server-side renderer (no DOM, no canvas:
 * `ssr: true` with the SVG renderer). Animation is off so the string is the final frame. Colours are
 * chosen to stay distinct in grey when printed.
 */
const PALETTE = ['#1c5d99', '#e07a1f', '#3f8f4f', '#8e44ad', '#c0392b'];

function optionOf(spec: ChartSpec): echarts.EChartsCoreOption {
  const base = { animation: false, color: PALETTE, textStyle: { fontFamily: 'Helvetica', fontSize: 11 } };
  switch (spec.type) {
    case 'radar':
      return {
        ...base,
        legend: spec.series.length > 1 ? { bottom: 0 } : undefined,
        radar: {
          indicator: spec.axes.map((a) => ({ name: a.name, max: a.max, min: 0 })),
          radius: '62%',
          axisName: { color: '#222', fontSize: 10 },
        },
        series: [
          {
            type: 'radar',
            data: spec.series.map((s) => ({ name: s.name, value: s.values.map((v) => v ?? 0) })),
            areaStyle: { opacity: 0.15 },
          },
        ],
      };
    case 'bar':
      return {
        ...base,
        legend: spec.series.length > 1 ? { bottom: 0 } : undefined,
        grid: {
          left: spec.isHorizontal ? 160 : 40,
          right: 20,
          top: 10,
          bottom: spec.series.length > 1 ? 40 : 30,
        },
        [spec.isHorizontal ? 'yAxis' : 'xAxis']: {
          type: 'category',
          data: spec.categories,
          axisLabel: { fontSize: 9, width: 150, overflow: 'truncate' },
        },
        [spec.isHorizontal ? 'xAxis' : 'yAxis']: { type: 'value', max: spec.max },
        series: spec.series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
      };
    case 'network':
      return networkOption(spec, base);
    case 'interval':
      return {
        ...base,
        grid: { left: 160, right: 20, top: 10, bottom: 30 },
        yAxis: { type: 'category', data: spec.rows.map((r) => r.name), axisLabel: { fontSize: 9 } },
        xAxis: { type: 'value' },
        series: [
          { type: 'scatter', data: spec.rows.map((r) => r.value), symbolSize: 8 },
          {
            type: 'custom',
            renderItem: (
              _params: unknown,
              api: { value: (i: number) => number; coord: (p: [number, number]) => [number, number] },
            ) => {
              const i = api.value(0);
              const row = spec.rows[i];
              if (!row || row.low === null || row.high === null) {
                return null;
              }
              const [x1, y] = api.coord([row.low, i]);
              const [x2] = api.coord([row.high, i]);
              return {
                type: 'line',
                shape: { x1, y1: y, x2, y2: y },
                style: { stroke: '#222', lineWidth: 1.5 },
              };
            },
            data: spec.rows.map((_r, i) => [i]),
          },
        ],
      };
  }
}

/**
 * The network map: ECharts' force-directed graph (repulsion between people, springs along ties), laid
 * out to rest before drawing (`layoutAnimation: false`), one colour per community, size by betweenness,
 * as on the network screen. Labels only for the largest nodes, so a crowded map stays readable.
 */
function networkOption(
  spec: Extract<ChartSpec, { type: 'network' }>,
  base: Record<string, unknown>,
): echarts.EChartsCoreOption {
  const labelled = new Set(
    [...spec.nodes.keys()]
      .sort((a, b) => (spec.nodes[b]?.size ?? 0) - (spec.nodes[a]?.size ?? 0))
      .slice(0, 12),
  );
  return {
    ...base,
    series: [
      {
        type: 'graph',
        layout: 'force',
        force: { layoutAnimation: false, repulsion: 80, edgeLength: 40, gravity: 0.15 },
        data: spec.nodes.map((n, i) => ({
          name: n.name,
          symbolSize: 5 + 15 * n.size,
          itemStyle: { color: PALETTE[Math.abs(n.group) % PALETTE.length] },
          label: { show: labelled.has(i), fontSize: 8, position: 'right' },
        })),
        links: spec.edges.map(([source, target]) => ({ source, target })),
        lineStyle: { color: '#9a9a9a', width: 0.6, opacity: 0.8 },
      },
    ],
  };
}

export function chartSvg(spec: ChartSpec, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(optionOf(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
