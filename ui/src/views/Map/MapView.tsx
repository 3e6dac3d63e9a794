//! The map: the plan as a layered graph (org goals on top, resources at the bottom), with findings
//! badges, throughline highlighting, drag-to-link, zoom, pan, fit and a minimap.
import {
  Background, ConnectionMode, MarkerType, MiniMap, Position, ReactFlow, ReactFlowProvider,
  useReactFlow, type Connection, type Edge, type FinalConnectionState, type NodeHandle, type Viewport,
} from "@xyflow/react";
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Link } from "../../bindings/Link";
import type { Node } from "../../bindings/Node";
import { matchingIds } from "../../model/filter";
import { NODE_HEIGHT, NODE_WIDTH } from "../../model/layout";
import { boundsOf, inViewport, viewportFor, type Insets } from "../../model/viewport";
import { linkForDrag, linkSentence } from "./linkForDrag";
import { addFirst } from "../../model/outline";
import { linkId, throughline } from "../../model/throughline";
import { showInfo, useActions } from "../../state/actions";
import { usePlan } from "../../state/store";
import { Icon } from "../../theme/icons";
import { KIND_STYLE } from "../../theme/kinds";
import { AmountPrompt } from "./AmountPrompt";
import { MapNode, type MapFlowNode, type MapNodeData } from "./MapNode";
import { rememberedGroup, rememberGroup, rememberedViewport, rememberViewport, useMapLayout } from "./useMapLayout";
import { Grouping, type MapGroup } from "../../model/overview";
import type { PlanIndex } from "../../model/planIndex";
import { groupTitle, MapOverview } from "./MapOverview";
import { milestone } from "../../timing";

const nodeTypes = { plan: MapNode };
/**
 * Where MapNode's handles are, declared up front: without them React Flow renders every node
 * once to measure its handles, which on a 10,000-node plan means 10,000 DOM nodes at start.
 * A drag starts from the dot on top or at the bottom and may end anywhere on a node (its body).
 */
const DOT = 14;
const HANDLES: NodeHandle[] = [
  { id: "up", type: "source", position: Position.Top, x: NODE_WIDTH / 2 - DOT / 2, y: -DOT / 2, width: DOT, height: DOT },
  { id: "down", type: "source", position: Position.Bottom, x: NODE_WIDTH / 2 - DOT / 2, y: NODE_HEIGHT - DOT / 2, width: DOT, height: DOT },
  { id: "body", type: "target", position: Position.Bottom, x: 0, y: 0, width: NODE_WIDTH, height: NODE_HEIGHT },
];
/** Above this, only nodes in view are rendered (React Flow's virtualisation). */
const VIRTUALISE_ABOVE = 400;
/** Above this, the map opens as an overview by org goal and draws one group at a time. */
const OVERVIEW_ABOVE = 400;
/** Big plans cannot zoom out past this (a few hundred nodes in view at most). */
const BIG_PLAN_MIN_ZOOM = 0.15;
/** The minimap draws every node on each pan; past this it costs more than it shows. */
const MINIMAP_UP_TO = 3000;
/**
 * The hint, the zoom buttons and the legend sit in bars above and below the map, never on it;
 * only the minimap, when the CIO opens it, lies over the map's bottom-right corner.
 */
const NO_CHROME: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
const WITH_MINIMAP: Insets = { top: 0, right: 196, bottom: 136, left: 0 };

export function MapView() {
  return (
    <ReactFlowProvider>
      <PlanMap />
    </ReactFlowProvider>
  );
}

/** The last grouping made, kept past the map's unmount: a switch back to the map reuses it. */
let rememberedGrouping: { path: string; version: number; grouping: Grouping } | null = null;

function groupingOf(index: PlanIndex, path: string, version: number): Grouping {
  if (rememberedGrouping?.path !== path || rememberedGrouping.version !== version) {
    rememberedGrouping = { path, version, grouping: new Grouping(index) };
  }
  return rememberedGrouping.grouping;
}

type Area = { x: number; y: number; w: number; h: number };

/** The flow-coordinate area a viewport shows, with a quarter of a screen more on each side. */
function areaOf({ x, y, zoom }: Viewport, width: number, height: number): Area {
  const w = width / zoom;
  const h = height / zoom;
  return { x: -x / zoom - w * 0.25, y: -y / zoom - h * 0.25, w: w * 1.5, h: h * 1.5 };
}

/** The viewport at `zoom` with the node at `at` in the middle of a `width` x `height` map. */
function centredOn(at: { x: number; y: number }, zoom: number, width: number, height: number): Viewport {
  return { x: width / 2 - (at.x + NODE_WIDTH / 2) * zoom, y: height / 2 - (at.y + NODE_HEIGHT / 2) * zoom, zoom };
}

function sameData(a: MapNodeData, b: MapNodeData) {
  return a.kind === b.kind && a.dim === b.dim && a.lit === b.lit && a.match === b.match && a.drop === b.drop && a.mark === b.mark;
}

/** `next`, or `previous` when it holds the very same items: React Flow then has no update to make. */
function unlessSame<T>(previous: T[], next: T[]): T[] {
  return previous.length === next.length && next.every((item, i) => item === previous[i]) ? previous : next;
}

/** The node a drag started from, and the drop each other node would make. */
type Dragging = { from: Node; accepts: (other: Node) => boolean };

function PlanMap() {
  const { planState, index, state, dispatch } = usePlan();
  const actions = useActions();
  const flow = useReactFlow();
  const plan = planState.plan;
  const path = planState.path;
  const overviewed = plan.nodes.length > OVERVIEW_ABOVE;
  // Who belongs to which org goal changes with the structure only, not with each edit of a field,
  // nor when the map is left and shown again.
  const grouping = useMemo(
    () => (overviewed ? groupingOf(index, path, state.structureVersion) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [overviewed, path, state.structureVersion],
  );
  const [openGroupId, setOpenGroupId] = useState<string | null>(() => rememberedGroup(path));
  const openGroup = (id: string | null) => {
    rememberGroup(path, id);
    setOpenGroupId(id);
  };
  // A group whose org goal was removed closes back to the overview.
  const group: MapGroup | undefined = openGroupId !== null ? grouping?.group(openGroupId) : undefined;
  const inOverview = overviewed && !group;
  // The nodes the map draws: a big plan's open group, or the whole of a smaller plan.
  const shownNodes = useMemo(
    () => (group ? group.members.flatMap((id) => index.nodes.get(id) ?? []) : inOverview ? [] : plan.nodes),
    [group, inOverview, index.nodes, plan.nodes],
  );
  const shownLinks = useMemo(
    () => (group ? plan.links.filter((l) => group.memberSet.has(l.from) && group.memberSet.has(l.to)) : inOverview ? [] : plan.links),
    [group, inOverview, plan.links],
  );
  const scope = group?.id ?? "";
  // An open group is laid out alone: in the whole plan's layout its nodes lie scattered along rows
  // thousands of nodes wide, too far apart to read together.
  const shownPlan = useMemo(() => (group ? { ...plan, nodes: shownNodes, links: shownLinks } : plan), [group, plan, shownNodes, shownLinks]);
  const layout = useMapLayout(shownPlan, path, scope, state.structureVersion, !inOverview);
  const [pendingAllocation, setPendingAllocation] = useState<{ link: Link; resource: Node; target: Node } | null>(null);
  const [dragging, setDragging] = useState<Dragging | null>(null);

  // The throughline follows links, which change only with the structure: a field edit does not
  // walk a selected org goal's whole group again.
  const indexNow = useRef(index);
  indexNow.current = index;
  const selectedKind = state.selected ? index.nodes.get(state.selected)?.kind : undefined;
  const line = useMemo(
    () => (state.selected && selectedKind ? throughline(indexNow.current, state.selected) : null),
    [state.selected, selectedKind, state.structureVersion, path],
  );
  // A keystroke filters only what the map draws; the overview counts matches per card. Both
  // follow the search deferred, as the outline and findings do: the typed character is painted
  // first, and a pass over a big plan's nodes comes after, dropped if another key comes first.
  const filter = useDeferredValue(state.filter);
  const matches = useMemo(
    () => matchingIds(inOverview ? plan.nodes : shownNodes, filter, index),
    [inOverview, plan.nodes, shownNodes, filter, index],
  );
  const cardMatches = useMemo(
    () => (inOverview && matches && grouping ? grouping.matchesPerGroup(matches) : null),
    [inOverview, matches, grouping],
  );

  // During a scenario its changes to the plan, else those since the baseline last compared.
  const marks = planState.scenario?.marks ?? state.comparison?.reading.marks;
  const big = shownNodes.length > VIRTUALISE_ABOVE;
  // Reuse node objects whose look did not change, so a click on a 10,000-node map re-renders a few.
  const cache = useRef(new Map<string, MapFlowNode>());
  const previousNodes = useRef<MapFlowNode[]>([]);
  const nodes = useMemo(() => {
    const next = new Map<string, MapFlowNode>();
    const list: MapFlowNode[] = [];
    for (const node of shownNodes) {
      const position = layout.positions.get(node.id) ?? { x: 0, y: 0 };
      const data: MapNodeData = {
        kind: node.kind,
        lit: line !== null && line.nodes.has(node.id),
        dim: (line !== null && !line.nodes.has(node.id)) || (matches !== null && !matches.has(node.id)),
        match: matches !== null && matches.has(node.id),
        drop: !dragging || dragging.from.id === node.id ? undefined : dragging.accepts(node) ? "accepts" : "refuses",
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
    previousNodes.current = unlessSame(previousNodes.current, list);
    return previousNodes.current;
  }, [shownNodes, layout.positions, line, matches, state.selected, big, dragging, marks]);

  // Where each plan opens, set before the map first renders: React Flow then draws the nodes in
  // view once, with their edges, instead of at its default viewport first and again after a fit.
  const mapRef = useRef<HTMLDivElement>(null);
  const [start, setStart] = useState<{ path: string; scope: string; viewport: Viewport } | null>(null);
  // On a big plan only the edges touching what is in view (or on the throughline) are drawn:
  // thousands of long SVG paths would make every click take seconds.
  const [view, setView] = useState<Area | null>(null);
  // The minimap covers a corner of the map, so it shows only when asked for.
  const [minimapOpen, setMinimapOpen] = useState(false);
  const minimap = minimapOpen && shownNodes.length <= MINIMAP_UP_TO;
  // A node another view asked to show, in a group about to open: that group opens centred on it.
  const pendingFocus = useRef<string | null>(null);
  const size = () => ({ width: mapRef.current?.clientWidth ?? 800, height: mapRef.current?.clientHeight ?? 600 });
  useLayoutEffect(() => {
    const el = mapRef.current;
    if (!el || (start?.path === path && start.scope === scope)) return;
    // Read now, not on later layout changes: an edit must not move the view. Back from another
    // view, the map looks where it looked. A new plan or group remounts React Flow (its key).
    const bounds = boundsOf(layout.positions, group?.memberSet);
    const focus = pendingFocus.current !== null ? layout.positions.get(pendingFocus.current) : undefined;
    pendingFocus.current = null;
    const fit = bounds ? viewportFor(bounds, el.clientWidth, el.clientHeight, NO_CHROME) : { x: 0, y: 0, zoom: 1 };
    const viewport = focus
      ? centredOn(focus, Math.max(fit.zoom, 0.9), el.clientWidth, el.clientHeight)
      : rememberedViewport(path, scope) ?? fit;
    rememberViewport(path, scope, viewport);
    setStart({ path, scope, viewport });
    setView(areaOf(viewport, el.clientWidth, el.clientHeight));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, scope, inOverview, plan.nodes.length === 0]);
  const trackView = useCallback(() => {
    const viewport = flow.getViewport();
    const { width, height } = size();
    rememberViewport(path, scope, viewport);
    if (big) setView(areaOf(viewport, width, height));
  }, [flow, path, scope, big]);
  const inView = useCallback(
    (id: string) => {
      const at = layout.positions.get(id);
      return !!view && !!at && at.x + NODE_WIDTH >= view.x && at.x <= view.x + view.w && at.y + NODE_HEIGHT >= view.y && at.y <= view.y + view.h;
    },
    [view, layout.positions],
  );

  // A node placed by an edit (added, or linked for the first time) is brought into view, at the
  // zoom the CIO chose, unless it is in view already: the selected one first.
  const shownVersion = useRef(layout.version);
  useEffect(() => {
    if (shownVersion.current === layout.version) return;
    shownVersion.current = layout.version;
    if (layout.placed.length === 0) return;
    const id = state.selected && layout.placed.includes(state.selected) ? state.selected : layout.placed[0];
    const at = layout.positions.get(id);
    const { width, height } = size();
    const viewport = flow.getViewport();
    if (!at || inViewport(at, viewport, width, height, minimap ? WITH_MINIMAP : NO_CHROME)) return;
    void flow.setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, { zoom: viewport.zoom, duration: 250 }).then(trackView);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout]);

  // Edge objects reused like nodes: an edit re-creates only the edges it touched.
  const previousEdges = useRef<Edge[]>([]);
  const edgeCache = useRef(new Map<string, { link: Link; lit: boolean; dim: boolean; unit: string | undefined; edge: Edge }>());
  const edges = useMemo<Edge[]>(() => {
    const next = new Map<string, { link: Link; lit: boolean; dim: boolean; unit: string | undefined; edge: Edge }>();
    const shown = big ? shownLinks.filter((l) => line?.links.has(linkId(l.kind, l.from, l.to)) || inView(l.from) || inView(l.to)) : shownLinks;
    const list = shown.map((link) => {
      const id = linkId(link.kind, link.from, link.to);
      const lit = line?.links.has(id) ?? false;
      const dim = (line !== null && !lit) || (matches !== null && !(matches.has(link.from) && matches.has(link.to)));
      const allocation = link.kind === "allocates";
      const unit = allocation ? index.nodes.get(link.from)?.unit ?? undefined : undefined;
      const old = edgeCache.current.get(id);
      if (old && old.link === link && old.lit === lit && old.dim === dim && old.unit === unit) {
        next.set(id, old);
        return old.edge;
      }
      const color = lit ? (allocation ? KIND_STYLE.resource.color : "#1f2a44") : allocation ? "#a89886" : "#9aa4b2";
      const edge: Edge = {
        id,
        source: link.from,
        target: link.to,
        sourceHandle: "up",
        targetHandle: "body",
        className: `plan-edge ${allocation ? "allocation" : "support"}${lit ? " lit" : ""}${dim ? " dim" : ""}`,
        style: { stroke: color, strokeWidth: lit ? 2.4 : 1.4, strokeDasharray: allocation ? "5 4" : undefined },
        markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
        label: allocation && lit ? `${(link.amount ?? 0).toLocaleString()}${unit ? ` ${unit}` : ""}` : undefined,
        labelBgPadding: [4, 2] as [number, number],
        zIndex: lit ? 1 : 0,
      };
      next.set(id, { link, lit, dim, unit, edge });
      return edge;
    });
    edgeCache.current = next;
    previousEdges.current = unlessSame(previousEdges.current, list);
    return previousEdges.current;
  }, [shownLinks, line, matches, index, big, inView]);

  const drawn = inOverview || (start !== null && nodes.length > 0);
  useEffect(() => {
    // The frame after the first commit with the map: roughly when it is painted.
    if (drawn) requestAnimationFrame(() => milestone("map-shown"));
  }, [drawn]);

  // Centre on the selection when another view or the search asks for it.
  useEffect(() => {
    if (!state.selected || state.focusTick === 0) return;
    if (grouping && !group?.memberSet.has(state.selected)) {
      const holder = grouping.holderOf(state.selected);
      if (holder) {
        pendingFocus.current = state.selected;
        openGroup(holder.id);
      }
      return;
    }
    const at = layout.positions.get(state.selected);
    if (at) void flow.setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 300 }).then(trackView);
    // Only a new focus request should move the view, not a layout change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.focusTick]);

  const onConnectStart = useCallback(
    (_: unknown, { nodeId }: { nodeId: string | null }) => {
      const from = nodeId ? index.nodes.get(nodeId) : undefined;
      if (from) setDragging({ from, accepts: (other) => "link" in linkForDrag(from, other) });
    },
    [index],
  );
  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      const a = index.nodes.get(connection.source);
      const b = index.nodes.get(connection.target);
      return !!a && !!b && a.id !== b.id && "link" in linkForDrag(a, b);
    },
    [index],
  );
  const onConnect = useCallback(
    (connection: Connection) => {
      const a = index.nodes.get(connection.source);
      const b = index.nodes.get(connection.target);
      if (!a || !b || a.id === b.id) return;
      const outcome = linkForDrag(a, b);
      if (!("link" in outcome)) return;
      const { link } = outcome;
      const from = index.nodes.get(link.from)!;
      const to = index.nodes.get(link.to)!;
      if (link.kind === "allocates") {
        setPendingAllocation({ link, resource: from, target: to });
        return;
      }
      void actions.edit({ op: "add_link", link }).then((answer) => {
        if (answer) showInfo(dispatch, `Linked: ${linkSentence(link, from, to)}.`);
      });
    },
    [index, actions, dispatch],
  );
  // A drop React Flow refused (isValidConnection) lands here: say why, by titles.
  const onConnectEnd = useCallback(
    (_: unknown, end: FinalConnectionState) => {
      setDragging(null);
      const a = end.fromNode ? index.nodes.get(end.fromNode.id) : undefined;
      const b = end.toNode ? index.nodes.get(end.toNode.id) : undefined;
      if (!a || !b || a.id === b.id || end.isValid) return;
      const outcome = linkForDrag(a, b);
      if ("refused" in outcome) dispatch({ type: "toast", toast: { tone: "error", code: "wrong_kinds", message: outcome.refused } });
    },
    [index, dispatch],
  );

  if (plan.nodes.length === 0) return <EmptyMap />;

  return (
    <div className={`map${dragging ? " map-linking" : ""}`} data-layout={layout.source}>
      <div className="map-hint" data-testid="map-hint">
        {inOverview ? (
          <span>
            {plan.nodes.length.toLocaleString()} nodes, shown by org goal. Open one to map the work that traces up to it and
            its resources.
            {cardMatches ? ` ${[...cardMatches.values()].filter((n) => n > 0).length} of ${grouping!.size.toLocaleString()} groups hold nodes matching the search.` : ""}
          </span>
        ) : null}
        {group ? (
          <>
            <button type="button" data-testid="map-back-overview" onClick={() => openGroup(null)}>
              <Icon name="chevronLeft" size={14} /> Back to overview
            </button>
            <span className="map-hint-group" data-testid="map-group-title">{groupTitle(group, index)}</span>
          </>
        ) : null}
        {inOverview ? null : line ? (
          <>
            <span>Throughline of the selection: every path up to the org goals and every resource below.</span>
            <button type="button" data-testid="fit-throughline"
              onClick={() => {
                // Bounds from the layout, not from measured DOM nodes: on big plans most are not rendered.
                const bounds = boundsOf(layout.positions, line.nodes);
                const at = state.selected ? layout.positions.get(state.selected) : undefined;
                if (!bounds) return;
                const { width, height } = size();
                const focus = at ? { x: at.x + NODE_WIDTH / 2, y: at.y + NODE_HEIGHT / 2 } : undefined;
                void flow.setViewport(viewportFor(bounds, width, height, minimap ? WITH_MINIMAP : NO_CHROME, { focus }), { duration: 300 }).then(trackView);
              }}>
              <Icon name="fit" size={14} /> Zoom to it
            </button>
          </>
        ) : dragging ? (
          <span>Drop on a highlighted node to link {dragging.from.title} to it; greyed nodes cannot be linked to it.</span>
        ) : (
          <span>Click a node to see its throughline. Drag from a node's dot onto another node to link them.</span>
        )}
      </div>
      {inOverview && grouping ? <MapOverview grouping={grouping} index={index} matches={cardMatches} onOpen={openGroup} path={path} /> : null}
      {inOverview ? null : <div className="map-pane" ref={mapRef}>
      {start?.path === path && start.scope === scope ? <ReactFlow<MapFlowNode>
        key={`${path}|${scope}`}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={false}
        nodesConnectable
        elementsSelectable
        // Tab walks the nodes; edges are reached from a node's inspector, not by 64 stops without a visible focus.
        edgesFocusable={false}
        onlyRenderVisibleElements={big}
        minZoom={big ? BIG_PLAN_MIN_ZOOM : 0.05}
        maxZoom={2}
        onNodeClick={(_, node) => dispatch({ type: "select", id: node.id })}
        onPaneClick={() => dispatch({ type: "select", id: null })}
        onConnectStart={onConnectStart}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        connectionRadius={30}
        onMoveEnd={trackView}
        proOptions={{ hideAttribution: true }}
        deleteKeyCode={null}
        fitView={false}
        defaultViewport={start.viewport}
      >
        <Background gap={24} size={1} color="#dde1e7" />
        {minimap ? <MiniMap position="bottom-right" pannable zoomable nodeStrokeWidth={0}
          style={{ width: 180, height: 120 }}
          nodeColor={(n) => KIND_STYLE[(n.data as MapNodeData).kind].color}
          maskColor="rgba(240, 242, 245, 0.7)" /> : null}
      </ReactFlow> : null}
      </div>}
      {inOverview ? null : <div className="map-bar">
        <button type="button" className="icon-button" data-testid="map-zoom-in" title="Zoom in"
          onClick={() => void flow.zoomIn({ duration: 150 }).then(trackView)}><Icon name="plus" size={15} /></button>
        <button type="button" className="icon-button" data-testid="map-zoom-out" title="Zoom out"
          onClick={() => void flow.zoomOut({ duration: 150 }).then(trackView)}><Icon name="minus" size={15} /></button>
        <button type="button" className="icon-button" data-testid="map-fit" title="Fit the whole plan in view"
          onClick={() => void flow.fitView({ minZoom: big ? BIG_PLAN_MIN_ZOOM : 0.05, maxZoom: 1.1, padding: 0.08, duration: 200 }).then(trackView)}>
          <Icon name="fit" size={15} /></button>
        {shownNodes.length <= MINIMAP_UP_TO ? (
          <button type="button" className={`map-bar-toggle${minimapOpen ? " on" : ""}`} data-testid="map-minimap" aria-pressed={minimapOpen}
            onClick={() => setMinimapOpen(!minimapOpen)}>Minimap</button>
        ) : null}
        <MapLegend />
      </div>}
      {pendingAllocation ? (
        <AmountPrompt resource={pendingAllocation.resource} target={pendingAllocation.target}
          onClose={() => setPendingAllocation(null)}
          onSubmit={(amount) => {
            const { link, resource, target } = pendingAllocation;
            void actions.edit({ op: "add_link", link: { ...link, amount } }).then((answer) => {
              if (answer) showInfo(dispatch, `Linked: ${linkSentence(link, resource, target)}.`);
            });
          }} />
      ) : null}
    </div>
  );
}

/** What the lines mean; each node names its own kind, so the legend need not. */
function MapLegend() {
  return (
    <ul className="map-legend" aria-label="Legend">
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
