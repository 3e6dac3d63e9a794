//! One node on the map: the kind's shape and colour, its title, resource icon and findings badge.
import { Handle, Position, type NodeProps, type Node as FlowNode } from "@xyflow/react";
import { memo } from "react";
import type { Finding } from "../../bindings/Finding";
import type { Node } from "../../bindings/Node";
import type { NodeKind } from "../../bindings/NodeKind";
import type { NodeMark } from "../../bindings/NodeMark";
import { FindingBadge } from "../../components/FindingBadge";
import { useStore } from "../../state/store";
import { KindGlyph, ResourceIcon } from "../../theme/icons";
import { KIND_STYLE, RESOURCE_TYPE_LABEL, SHAPE_POINTS, STATUS_LABEL } from "../../theme/kinds";

/**
 * How the map shows a node, beside the node itself. The node's fields and findings are read
 * from the store's index as the node renders, not carried here: an edit of a title or status
 * then changes no map node object, so React Flow has nothing to redo across a big group and only
 * the nodes on screen render again.
 */
export type MapNodeData = {
  kind: NodeKind;
  /** Off the selected throughline or outside the filter. */
  dim: boolean;
  /** On the selected throughline. */
  lit: boolean;
  /** Matches the active search or filter. */
  match: boolean;
  /** While a link is dragged: whether a drop here would make a link the rules allow. */
  drop: "accepts" | "refuses" | undefined;
  /** New or changed against the plan (during a scenario) or the baseline compared with. */
  mark?: NodeMark;
};

export type MapFlowNode = FlowNode<MapNodeData, "plan">;

/** Picks the node's fields and findings from the index; the drawing renders again only when they change. */
function MapNodeOfIndex({ id, data, selected }: NodeProps<MapFlowNode>) {
  const { index } = useStore();
  const node = index?.nodes.get(id);
  if (!node) return null;
  return <MapNodeDrawing node={node} findings={index?.findings.get(id)} data={data} selected={selected} />;
}

type DrawingProps = { node: Node; findings: Finding[] | undefined; data: MapNodeData; selected: boolean };

const MapNodeDrawing = memo(function MapNodeDrawing({ node, findings, data, selected }: DrawingProps) {
  const { dim, lit, match, drop } = data;
  const style = KIND_STYLE[node.kind];
  const points = SHAPE_POINTS[style.shape];
  const classes = ["map-node", `shape-${style.shape}`, `status-${node.status}`];
  if (dim) classes.push("dim");
  if (lit) classes.push("lit");
  if (match) classes.push("match");
  if (selected) classes.push("selected");
  if (drop) classes.push(`drop-${drop}`);
  if (data.mark) classes.push(`mark-${data.mark}`);
  return (
    <div className={classes.join(" ")} data-testid={`map-node-${node.id}`}
      style={{ ["--kind" as string]: style.color, ["--tint" as string]: style.tint }}
      title={`${style.label}: ${node.title}${node.status !== "active" ? ` (${STATUS_LABEL[node.status]})` : ""}`}>
      {points ? (
        <svg className="shape" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden>
          <polygon points={points} vectorEffect="non-scaling-stroke" />
        </svg>
      ) : null}
      {/* A link is dragged from the dot on top or at the bottom and dropped anywhere on a node:
          the body is one invisible handle. Edges leave from the top and arrive at the bottom. */}
      <Handle type="source" id="up" position={Position.Top} className="handle" data-testid={`map-dot-${node.id}`} />
      <Handle type="source" id="down" position={Position.Bottom} className="handle" />
      <Handle type="target" id="body" position={Position.Bottom} className="handle-body" isConnectableStart={false} />
      <div className="map-node-kind">
        <KindGlyph kind={node.kind} size={9} />
        {node.kind === "resource" ? (
          <>
            <ResourceIcon type={node.resource_type} size={13} color={style.color} />
            <span>{node.resource_type ? RESOURCE_TYPE_LABEL[node.resource_type] : style.label}</span>
          </>
        ) : (
          <span>{style.label}</span>
        )}
        {node.status !== "active" ? <span className="map-node-status">{STATUS_LABEL[node.status]}</span> : null}
      </div>
      <div className="map-node-title">{node.title}</div>
      <div className="map-node-badge"><FindingBadge findings={findings} /></div>
      {data.mark ? (
        <span className="map-node-mark" data-testid={`map-mark-${node.id}`}>{data.mark === "added" ? "New" : "Changed"}</span>
      ) : null}
    </div>
  );
});

export const MapNode = memo(MapNodeOfIndex);
