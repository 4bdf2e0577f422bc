/**
 * The interactive map: graphology graph drawn by sigma (WebGL), laid out by ForceAtlas2 in a web
 * worker (graphology-layout-forceatlas2/worker) so the page stays responsive. Colour, size, relation
 * filter and search update node/edge attributes and states in place; the layout is not recomputed.
 * The same data is always available as a table (PeopleTable) for keyboard and screen-reader users.
 */
import { Alert, Box, Group, Text, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import Graph from 'graphology';
import forceAtlas2, { inferSettings } from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import type { NetworkNode, NetworkResult } from './api';
import { type Metric, NONE_COLOUR } from './palette';

export interface MapProps {
  result: NetworkResult;
  isDirected: boolean;
  colourOf: (node: NetworkNode) => string;
  sizeBy: Metric;
  relation: string | null;
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** Nodes to emphasise (e.g. change agents); others keep their colour. */
  highlighted?: ReadonlySet<string>;
}

export function NetworkMap(props: MapProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma | null>(null);
  const graphRef = useRef<Graph | null>(null);
  const [failed, setFailed] = useState(false);
  const [isLayingOut, setLayingOut] = useState(false);
  const { result, isDirected, onSelect } = props;
  // Labels are drawn on the canvas, outside CSS: their colour follows the colour scheme here so they
  // keep a contrast ≥ 4.5:1 (WCAG 1.4.3) on the map's background (--mantine-color-body) in dark mode.
  const scheme = useComputedColorScheme('light');
  const theme = useMantineTheme();
  const isDark = scheme === 'dark';
  const labelColor = isDark ? theme.colors.dark[0] : theme.black;
  const backdropColor = isDark ? theme.colors.dark[5] : theme.white;
  // With reduced motion the layout is computed before the first frame: nodes never drift on screen.
  const reduceMotion = useReducedMotion();

  useEffect(() => {
    if (!container.current) {
      return;
    }
    const graph = new Graph({
      multi: true,
      type: isDirected ? 'directed' : 'undirected',
      allowSelfLoops: false,
    });
    const n = result.nodes.length;
    result.nodes.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, n);
      graph.addNode(node.id, {
        label: node.label,
        x: Math.cos(angle) * 100 + ((i * 7919) % 13),
        y: Math.sin(angle) * 100 + ((i * 104729) % 11),
        size: 6,
        color: NONE_COLOUR,
      });
    });
    result.edges.forEach((e, i) => {
      if (graph.hasNode(e.source) && graph.hasNode(e.target) && e.source !== e.target) {
        graph.addEdgeWithKey(`e${i}`, e.source, e.target, {
          relation: e.relation,
          size: 1,
          color: '#ced4da',
        });
      }
    });
    graphRef.current = graph;
    let sigma: Sigma | null = null;
    let layout: FA2Layout | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      sigma = new Sigma(graph, container.current, {
        styles: {
          nodes: { ...DEFAULT_STYLES.nodes, labelColor, backdropColor },
          edges: DEFAULT_STYLES.edges,
        },
      });
      sigma.on('clickNode', ({ node }) => onSelect(node));
      sigma.on('clickStage', () => onSelect(null));
      sigmaRef.current = sigma;
      setFailed(false);
      if (graph.order > 1 && graph.size > 0 && reduceMotion) {
        forceAtlas2.assign(graph, {
          iterations: graph.order > 2000 ? 60 : 150,
          settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 500 },
        });
      } else if (graph.order > 1 && graph.size > 0) {
        layout = new FA2Layout(graph, {
          settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 500 },
        });
        layout.start();
        setLayingOut(true);
        timer = setTimeout(
          () => {
            layout?.stop();
            setLayingOut(false);
          },
          Math.min(6000, 1500 + graph.order * 5),
        );
      }
    } catch {
      setFailed(true);
    }
    return () => {
      clearTimeout(timer);
      layout?.kill();
      sigma?.kill();
      sigmaRef.current = null;
      graphRef.current = null;
    };
  }, [result, isDirected, onSelect, labelColor, backdropColor, reduceMotion]);

  // Colour and size: attributes in place.
  const { colourOf, sizeBy } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new label colour rebuilds the graph, which needs colouring again
  useEffect(() => {
    const graph = graphRef.current;
    if (!graph) {
      return;
    }
    const values = result.nodes.map((node) => node[sizeBy]);
    const min = Math.min(...values);
    const max = Math.max(...values);
    for (const node of result.nodes) {
      const share = max > min ? (node[sizeBy] - min) / (max - min) : 0.3;
      graph.mergeNodeAttributes(node.id, { color: colourOf(node), size: 3 + 7 * Math.sqrt(share) });
    }
  }, [result, colourOf, sizeBy, labelColor]);

  // Relation filter, selection and highlighted nodes: sigma states.
  const { relation, selected, highlighted } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new label colour rebuilds sigma, whose states are set again
  useEffect(() => {
    const graph = graphRef.current;
    const sigma = sigmaRef.current;
    if (!graph || !sigma) {
      return;
    }
    graph.forEachEdge((key, attributes) => {
      sigma.setEdgeState(key, { isHidden: relation !== null && attributes.relation !== relation });
    });
    graph.forEachNode((key) => {
      sigma.setNodeState(key, { isHighlighted: key === selected || (highlighted?.has(key) ?? false) });
    });
    // Bring the selected person into view only when they are off screen (no jump otherwise).
    if (selected && graph.hasNode(selected)) {
      const d = sigma.getNodeDisplayData(selected);
      const { width, height } = sigma.getDimensions();
      const p = d ? sigma.framedGraphToViewport(d) : null;
      if (d && p && (p.x < 0 || p.y < 0 || p.x > width || p.y > height)) {
        const camera = sigma.getCamera();
        void camera.animate({ x: d.x, y: d.y, ratio: camera.ratio }, { duration: reduceMotion ? 0 : 400 });
      }
    }
  }, [relation, selected, highlighted, labelColor]);

  if (failed) {
    return <Alert color="yellow">{t('network.map.noWebgl')}</Alert>;
  }
  return (
    <Box>
      <Box
        ref={container}
        role="img"
        aria-label={t('network.map.label', { nodes: result.nodes.length, edges: result.edges.length })}
        data-network-map=""
        h={520}
        style={{
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-md)',
          background: 'var(--mantine-color-body)',
        }}
      />
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          {t('network.map.hint')}
        </Text>
        {isLayingOut && (
          <Text size="xs" c="dimmed" role="status">
            {t('network.map.layingOut')}
          </Text>
        )}
      </Group>
    </Box>
  );
}
