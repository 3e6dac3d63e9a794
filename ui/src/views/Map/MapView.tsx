//! The map: the plan as a layered graph (org goals on top, resources at the bottom), with findings
//! badges, throughline highlighting, drag-to-link, zoom, pan, fit and a minimap.
import {
  Background, ConnectionMode, Controls, getViewportForBounds, MarkerType, MiniMap, Position, ReactFlow, ReactFlowProvider,
  useReactFlow, type Connection, type Edge, type NodeHandle, type Viewport,
} from "@xyflow/react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Link } from "../../bindings/Link";
import type { Node } from "../../bindings/Node";
import { matchingIds } from "../../model/filter";
import { NODE_HEIGHT, NODE_WIDTH, type Positions } from "../../model/layout";
import { linkForDrag } from "./linkForDrag";
import { addFirst } from "../../model/outline";
import { linkId, throughline } from "../../model/throughline";
import { useActions } from "../../state/actions";
import { usePlan } from "../../state/store";
import { Icon, KindGlyph } from "../../theme/icons";
import { KIND_STYLE } from "../../theme/kinds";
import { KIND_ORDER } from "../../model/planIndex";
import { AmountPrompt } from "./AmountPrompt";
import { MapNode, type MapFlowNode, type MapNodeData } from "./MapNode";
import { useMapLayout } from "./useMapLayout";
import { milestone } from "../../timing";

const nodeTypes = { plan: MapNode };
/**
 * Where MapNode's handles are, declared up front: without them React Flow renders every node
 * once to measure its handles, which on a 10,000-node plan means 10,000 DOM nodes at start.
 */
const HANDLES: NodeHandle[] = [
  { type: "source", position: Position.Top, x: NODE_WIDTH / 2 - 5, y: -5, width: 10, height: 10 },
  { type: "target", position: Position.Bottom, x: NODE_WIDTH / 2 - 5, y: NODE_HEIGHT - 5, width: 10, height: 10 },
];
/** Above this, only nodes in view are rendered (React Flow's virtualisation). */
const VIRTUALISE_ABOVE = 400;
/** Big plans open at this zoom and cannot zoom out past BIG_PLAN_MIN_ZOOM (a few hundred nodes in view at most). */
const BIG_PLAN_ZOOM = 0.6;
const BIG_PLAN_MIN_ZOOM = 0.15;
/** The minimap draws every node on each pan; past this it costs more than it shows. */
const MINIMAP_UP_TO = 3000;

export function MapView() {
  return (
    <ReactFlowProvider>
      <PlanMap />
    </ReactFlowProvider>
  );
}

type Area = { x: number; y: number; w: number; h: number };

/**
 * Where a plan opens: a small one fitted whole (everything in view and clickable; "Zoom to it" and
 * the controls take it closer), a big one at the top (the org goals) at a readable zoom, since
 * rendering all of it at once would put thousands of nodes in the DOM.
 */
function startViewport(positions: Positions, nodeCount: number, width: number, height: number): Viewport {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const p of positions.values()) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x + NODE_WIDTH);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y + NODE_HEIGHT);
  }
  if (minX === Infinity) return { x: 0, y: 0, zoom: 1 };
  if (nodeCount <= VIRTUALISE_ABOVE)
    return getViewportForBounds({ x: minX, y: minY, width: maxX - minX, height: maxY - minY }, width, height, 0.05, 1.1, 0.04);
  return { x: width / 2 - ((minX + maxX) / 2) * BIG_PLAN_ZOOM, y: 70 - minY * BIG_PLAN_ZOOM, zoom: BIG_PLAN_ZOOM };
}

/** The flow-coordinate area a viewport shows, with a quarter of a screen more on each side. */
function areaOf({ x, y, zoom }: Viewport, width: number, height: number): Area {
  const w = width / zoom;
  const h = height / zoom;
  return { x: -x / zoom - w * 0.25, y: -y / zoom - h * 0.25, w: w * 1.5, h: h * 1.5 };
}

function sameData(a: MapNodeData, b: MapNodeData) {
  return a.node === b.node && a.findings === b.findings && a.dim === b.dim && a.lit === b.lit && a.match === b.match && a.mark === b.mark;
}

function PlanMap() {
  const { planState, index, state, dispatch } = usePlan();
  const actions = useActions();
  const flow = useReactFlow();
  const plan = planState.plan;
  const layout = useMapLayout(plan);
  const [pendingAllocation, setPendingAllocation] = useState<{ link: Link; resource: Node; target: Node } | null>(null);

  const line = useMemo(
    () => (state.selected && index.nodes.has(state.selected) ? throughline(index, state.selected) : null),
    [index, state.selected],
  );
  const matches = useMemo(() => matchingIds(plan.nodes, state.filter, index), [plan.nodes, state.filter, index]);

  // During a scenario its changes to the plan, else those since the baseline last compared.
  const marks = planState.scenario?.marks ?? state.comparison?.reading.marks;
  const big = plan.nodes.length > VIRTUALISE_ABOVE;
  // Reuse node objects whose look did not change, so a click on a 10,000-node map re-renders a few.
  const cache = useRef(new Map<string, MapFlowNode>());
  const nodes = useMemo(() => {
    const next = new Map<string, MapFlowNode>();
    const list: MapFlowNode[] = [];
    for (const node of plan.nodes) {
      const position = layout.positions.get(node.id) ?? { x: 0, y: 0 };
      const data: MapNodeData = {
        node,
        findings: index.findings.get(node.id),
        lit: line !== null && line.nodes.has(node.id),
        dim: (line !== null && !line.nodes.has(node.id)) || (matches !== null && !matches.has(node.id)),
        match: matches !== null && matches.has(node.id),
        mark: marks?.[node.id],
      };
      const selected = node.id === state.selected;
      const old = cache.current.get(node.id);
      const flowNode: MapFlowNode =
        old && old.position === position && old.selected === selected && sameData(old.data, data)
          ? old
          : { id: node.id, type: "plan", position, data, selected, width: NODE_WIDTH, height: NODE_HEIGHT, handles: big ? HANDLES : undefined };
      next.set(node.id, flowNode);
      list.push(flowNode);
    }
    cache.current = next;
    return list;
  }, [plan.nodes, layout.positions, index, line, matches, state.selected, big, marks]);

  // Where each plan opens, set before the map first renders: React Flow then draws the nodes in
  // view once, with their edges, instead of at its default viewport first and again after a fit.
  const mapRef = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<{ path: string; viewport: Viewport } | null>(null);
  // On a big plan only the edges touching what is in view (or on the throughline) are drawn:
  // thousands of long SVG paths would make every click take seconds.
  const [view, setView] = useState<Area | null>(null);
  useLayoutEffect(() => {
    const el = mapRef.current;
    if (!el || start?.path === planState.path) return;
    // Read now, not on later layout changes: an edit must not move the view.
    const viewport = startViewport(layout.positions, plan.nodes.length, el.clientWidth, el.clientHeight);
    if (start) void flow.setViewport(viewport);
    setStart({ path: planState.path, viewport });
    setView(areaOf(viewport, el.clientWidth, el.clientHeight));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planState.path, plan.nodes.length === 0]);
  const trackView = useCallback(() => {
    const el = mapRef.current;
    setView(areaOf(flow.getViewport(), el?.clientWidth ?? 800, el?.clientHeight ?? 600));
  }, [flow]);
  const inView = useCallback(
    (id: string) => {
      const at = layout.positions.get(id);
      return !!view && !!at && at.x + NODE_WIDTH >= view.x && at.x <= view.x + view.w && at.y + NODE_HEIGHT >= view.y && at.y <= view.y + view.h;
    },
    [view, layout.positions],
  );

  const edges = useMemo<Edge[]>(
    () =>
      (big
        ? plan.links.filter((l) => line?.links.has(linkId(l.kind, l.from, l.to)) || inView(l.from) || inView(l.to))
        : plan.links
      ).map((link) => {
        const id = linkId(link.kind, link.from, link.to);
        const lit = line?.links.has(id) ?? false;
        const dim = (line !== null && !lit) || (matches !== null && !(matches.has(link.from) && matches.has(link.to)));
        const allocation = link.kind === "allocates";
        const color = lit ? (allocation ? KIND_STYLE.resource.color : "#1f2a44") : allocation ? "#a89886" : "#9aa4b2";
        const unit = allocation ? index.nodes.get(link.from)?.unit : undefined;
        return {
          id,
          source: link.from,
          target: link.to,
          className: `plan-edge ${allocation ? "allocation" : "support"}${lit ? " lit" : ""}${dim ? " dim" : ""}`,
          style: { stroke: color, strokeWidth: lit ? 2.4 : 1.4, strokeDasharray: allocation ? "5 4" : undefined },
          markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
          label: allocation && lit ? `${(link.amount ?? 0).toLocaleString()}${unit ? ` ${unit}` : ""}` : undefined,
          labelBgPadding: [4, 2] as [number, number],
          zIndex: lit ? 1 : 0,
        };
      }),
    [plan.links, line, matches, index, big, inView],
  );

  const drawn = start !== null && nodes.length > 0;
  useEffect(() => {
    // The frame after the first commit with the map: roughly when it is painted.
    if (drawn) requestAnimationFrame(() => milestone("map-shown"));
  }, [drawn]);

  // Centre on the selection when another view or the search asks for it.
  useEffect(() => {
    if (!state.selected || state.focusTick === 0) return;
    const at = layout.positions.get(state.selected);
    if (at) void flow.setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 });
    // Only a new focus request should move the view, not a layout change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.focusTick]);

  const onConnect = useCallback(
    (connection: Connection) => {
      const a = index.nodes.get(connection.source);
      const b = index.nodes.get(connection.target);
      if (!a || !b || a.id === b.id) return;
      const link = linkForDrag(a, b);
      if (link.kind === "allocates") {
        setPendingAllocation({ link, resource: index.nodes.get(link.from)!, target: index.nodes.get(link.to)! });
        return;
      }
      void actions.edit({ op: "add_link", link });
    },
    [index, actions],
  );

  if (plan.nodes.length === 0) return <EmptyMap />;

  return (
    <div className="map" data-layout={layout.source} ref={mapRef}>
      {start ? <ReactFlow<MapFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={false}
        nodesConnectable
        elementsSelectable
        onlyRenderVisibleElements={plan.nodes.length > VIRTUALISE_ABOVE}
        minZoom={plan.nodes.length > VIRTUALISE_ABOVE ? BIG_PLAN_MIN_ZOOM : 0.05}
        maxZoom={2}
        onNodeClick={(_, node) => dispatch({ type: "select", id: node.id })}
        onPaneClick={() => dispatch({ type: "select", id: null })}
        onConnect={onConnect}
        onMoveEnd={big ? trackView : undefined}
        proOptions={{ hideAttribution: true }}
        deleteKeyCode={null}
        fitView={false}
        defaultViewport={start.viewport}
      >
        <Background gap={24} size={1} color="#dde1e7" />
        <Controls showInteractive={false} position="bottom-left" />
        {plan.nodes.length <= MINIMAP_UP_TO ? <MiniMap position="bottom-right" pannable zoomable nodeStrokeWidth={0}
          nodeColor={(n) => KIND_STYLE[(n.data as MapNodeData).node.kind].color}
          maskColor="rgba(240, 242, 245, 0.7)" /> : null}
      </ReactFlow> : null}
      <MapLegend />
      <div className="map-hint">
        {line ? (
          <>
            <span>Throughline of the selection: every path up to the org goals and every resource below.</span>
            <button type="button" data-testid="fit-throughline"
              onClick={() => {
                // Bounds from the layout, not from measured DOM nodes: on big plans most are not rendered.
                const at = [...line.nodes].map((id) => layout.positions.get(id)).filter((p) => p !== undefined);
                const x = Math.min(...at.map((p) => p.x));
                const y = Math.min(...at.map((p) => p.y));
                const width = Math.max(...at.map((p) => p.x)) + NODE_WIDTH - x;
                const height = Math.max(...at.map((p) => p.y)) + NODE_HEIGHT - y;
                void flow.fitBounds({ x, y, width, height }, { padding: 0.15, duration: 300 }).then(() => {
                  if (flow.getZoom() > 1.1) void flow.zoomTo(1.1);
                  if (big) trackView();
                });
              }}>
              <Icon name="fit" size={14} /> Zoom to it
            </button>
          </>
        ) : (
          <span>Click a node to see its throughline. Drag from a node's dot to another node to link them.</span>
        )}
      </div>
      {pendingAllocation ? (
        <AmountPrompt resource={pendingAllocation.resource} target={pendingAllocation.target}
          onClose={() => setPendingAllocation(null)}
          onSubmit={(amount) => void actions.edit({ op: "add_link", link: { ...pendingAllocation.link, amount } })} />
      ) : null}
    </div>
  );
}

function MapLegend() {
  return (
    <ul className="map-legend" aria-label="Legend">
      {KIND_ORDER.map((kind) => (
        <li key={kind}><KindGlyph kind={kind} size={10} /> {KIND_STYLE[kind].label}</li>
      ))}
      <li><svg width="22" height="8" aria-hidden><path d="M1 4h20" stroke="#9aa4b2" strokeWidth="1.6" /></svg> supports</li>
      <li><svg width="22" height="8" aria-hidden><path d="M1 4h20" stroke="#a89886" strokeWidth="1.6" strokeDasharray="4 3" /></svg> allocates</li>
    </ul>
  );
}

function EmptyMap() {
  const { index, dispatch } = usePlan();
  const actions = useActions();
  return (
    <div className="empty-view">
      <svg width="120" height="80" viewBox="0 0 120 80" aria-hidden>
        <polygon points="38,6 82,6 88,18 82,30 38,30 32,18" fill="#efeafd" stroke="#5b3cc4" strokeWidth="2" />
        <rect x="10" y="50" width="40" height="22" rx="11" fill="#e3f4f5" stroke="#0e7c86" strokeWidth="2" />
        <rect x="70" y="50" width="40" height="22" rx="3" fill="#e8f4e8" stroke="#2f7d32" strokeWidth="2" />
        <path d="M30 50L52 31M90 50L68 31" stroke="#9aa4b2" strokeWidth="2" />
      </svg>
      <h2>Add your first organizational goal</h2>
      <p>Start with what the organization must achieve this year. Team goals, strategies, initiatives and
        resources then link up to it, and the map draws itself.</p>
      <button type="button" className="primary" data-testid="add-first-goal"
        onClick={async () => {
          const op = addFirst(index);
          if ("edit" in op && (await actions.edit(op.edit))) dispatch({ type: "select", id: op.select });
        }}>
        <Icon name="plus" size={15} /> Add an organizational goal
      </button>
    </div>
  );
}
