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

export function chartSvg(spec: ChartSpec, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(optionOf(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
