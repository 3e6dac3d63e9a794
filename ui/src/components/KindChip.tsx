//! A node kind as a coloured chip with its shape glyph (and resource-type icon), the same everywhere.
import type { Node } from "../bindings/Node";
import type { NodeKind } from "../bindings/NodeKind";
import { KindGlyph, ResourceIcon } from "../theme/icons";
import { KIND_STYLE, RESOURCE_TYPE_LABEL } from "../theme/kinds";

export function KindChip({ kind, node, compact }: { kind: NodeKind; node?: Node; compact?: boolean }) {
  const style = KIND_STYLE[kind];
  const type = node?.resource_type;
  return (
    <span className="kind-chip" style={{ color: style.color, background: style.tint }}>
      <KindGlyph kind={kind} size={10} />
      {kind === "resource" && type ? <ResourceIcon type={type} size={13} color={style.color} /> : null}
      {compact ? null : <span>{kind === "resource" && type ? RESOURCE_TYPE_LABEL[type] : style.label}</span>}
    </span>
  );
}

/** A node reference: glyph and title, clickable to select it. */
export function NodeRef({ node, onSelect }: { node: Node; onSelect?: (id: string) => void }) {
  const style = KIND_STYLE[node.kind];
  const body = (
    <>
      <KindGlyph kind={node.kind} size={9} />
      <span className="node-ref-title">{node.title}</span>
    </>
  );
  return onSelect ? (
    <button type="button" className="node-ref" style={{ borderColor: style.color }} title={`${style.label}: ${node.title} (${node.id})`}
      onClick={() => onSelect(node.id)}>
      {body}
    </button>
  ) : (
    <span className="node-ref" style={{ borderColor: style.color }}>{body}</span>
  );
}
