import '@xyflow/react/dist/style.css';
import type { SystemGraph } from '@forvalta/contracts';
import { Background, MarkerType, Position, ReactFlow, type Edge, type Node } from '@xyflow/react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const nodeWidth = 190;

/**
 * The system and its neighbours: providers on the left, consumers on the right, systems that do
 * both below. Drawn by React Flow (lazy-loaded); the table beside it carries the same facts for
 * keyboard and screen-reader users, so the nodes themselves are not in the tab order.
 */
export function IntegrationGraph({ graph }: { graph: SystemGraph }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { nodes, edges } = useMemo(() => {
    const central = graph.nodes.find((node) => node.central);
    const providers = new Set(graph.edges.filter((edge) => edge.target === central?.id).map((edge) => edge.source));
    const consumers = new Set(graph.edges.filter((edge) => edge.source === central?.id).map((edge) => edge.target));
    const columns: Record<'left' | 'right' | 'bottom', string[]> = { left: [], right: [], bottom: [] };
    for (const node of graph.nodes) {
      if (node.central) continue;
      const provides = providers.has(node.id);
      const consumes = consumers.has(node.id);
      if (provides && consumes) columns.bottom.push(node.id);
      else if (provides) columns.left.push(node.id);
      else columns.right.push(node.id);
    }
    const rowHeight = 64;
    const tallest = Math.max(columns.left.length, columns.right.length, 1);
    const centreY = ((tallest - 1) * rowHeight) / 2;
    const position = new Map<string, { x: number; y: number }>();
    if (central) position.set(central.id, { x: 320, y: centreY });
    for (const [index, id] of columns.left.entries()) {
      position.set(id, { x: 0, y: centreY - ((columns.left.length - 1) * rowHeight) / 2 + index * rowHeight });
    }
    for (const [index, id] of columns.right.entries()) {
      position.set(id, { x: 640, y: centreY - ((columns.right.length - 1) * rowHeight) / 2 + index * rowHeight });
    }
    for (const [index, id] of columns.bottom.entries()) {
      position.set(id, {
        x: 320 + (index - (columns.bottom.length - 1) / 2) * (nodeWidth + 20),
        y: centreY + tallest * rowHeight * 0.5 + 80,
      });
    }

    const nodes: Node[] = graph.nodes.map((node) => ({
      id: node.id,
      position: position.get(node.id) ?? { x: 0, y: 0 },
      data: { label: node.name },
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
      className: node.central ? 'graph-node graph-node-central' : 'graph-node',
      style: { width: nodeWidth },
    }));
    const edges: Edge[] = graph.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      label: t(`labels.method.${edge.method}`),
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      style: { strokeWidth: 1.5 },
    }));
    return { nodes, edges };
  }, [graph, t]);

  return (
    <div style={{ height: 420, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} data-testid="integration-graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        proOptions={{ hideAttribution: true }}
        onNodeClick={(_, node) => {
          if (!graph.nodes.find((candidate) => candidate.id === node.id)?.central)
            void navigate({ to: '/systems/$systemId', params: { systemId: node.id } });
        }}
        ariaLabelConfig={{
          'node.a11yDescription.default': t('integrations.graphHint'),
          'node.a11yDescription.keyboardDisabled': t('integrations.graphHint'),
          'edge.a11yDescription.default': t('integrations.graphHint'),
        }}
      >
        <Background gap={24} />
      </ReactFlow>
    </div>
  );
}
