//! "Add" in the top bar: a small form for a new node of any kind (id optional, generated if blank).
import { useCallback, useRef, useState } from "react";
import type { Node } from "../bindings/Node";
import type { NodeKind } from "../bindings/NodeKind";
import type { ResourceType } from "../bindings/ResourceType";
import { freshId } from "../model/ids";
import { withWhy } from "../model/reviews";
import { KIND_ORDER } from "../model/planIndex";
import { useActions } from "../state/actions";
import { usePlan } from "../state/store";
import { Icon } from "../theme/icons";
import { KIND_STYLE, RESOURCE_TYPES, RESOURCE_TYPE_LABEL } from "../theme/kinds";
import { useDismiss } from "./useDismiss";

export function AddNodeForm() {
  const { index, dispatch, planState } = usePlan();
  const actions = useActions();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<NodeKind>(planState.plan.nodes.length === 0 ? "org_goal" : "initiative");
  const [title, setTitle] = useState("");
  const [why, setWhy] = useState("");
  const [id, setId] = useState("");
  const [resourceType, setResourceType] = useState<ResourceType>("funding");
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open, close);

  const submit = async () => {
    if (!title.trim()) return;
    let node: Node = { id: id.trim() || freshId(kind, index.nodes), kind, title: title.trim(), status: "active" };
    if (kind === "resource") node.resource_type = resourceType;
    else if (why.trim()) node = withWhy(node, why.trim(), planState.as_of);
    const done = await actions.edit({ op: "add_node", node });
    if (done) {
      setTitle("");
      setWhy("");
      setId("");
      setOpen(false);
      dispatch({ type: "select", id: node.id, focus: true });
    }
  };

  return (
    <div className="add-node" ref={box}>
      <button type="button" className="primary" data-testid="add-node-button" title="Add a goal, strategy, initiative or resource"
        aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="plus" size={15} /> Add
      </button>
      {open ? (
        <form className="popover add-popover" aria-label="Add a node"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}>
          <label>Kind
            <select data-testid="add-node-kind" value={kind} onChange={(e) => setKind(e.target.value as NodeKind)}>
              {KIND_ORDER.map((k) => <option key={k} value={k}>{KIND_STYLE[k].label}</option>)}
            </select>
          </label>
          {kind === "resource" ? (
            <label>Resource type
              <select data-testid="add-node-resource-type" value={resourceType}
                onChange={(e) => setResourceType(e.target.value as ResourceType)}>
                {RESOURCE_TYPES.map((t) => <option key={t} value={t}>{RESOURCE_TYPE_LABEL[t]}</option>)}
              </select>
            </label>
          ) : null}
          <label>Title
            <input data-testid="add-node-title" autoFocus value={title} placeholder={`What is this ${KIND_STYLE[kind].label.toLowerCase()}?`}
              onChange={(e) => setTitle(e.target.value)} />
          </label>
          {kind !== "resource" ? (
            <label>Why it matters <small>(optional)</small>
              <textarea data-testid="add-node-why" rows={2} value={why} placeholder="Why this matters to the organization"
                onChange={(e) => setWhy(e.target.value)} />
            </label>
          ) : null}
          <label>Id <small>(optional)</small>
            <input data-testid="add-node-id" value={id} placeholder={freshId(kind, index.nodes)} maxLength={64}
              onChange={(e) => setId(e.target.value)} />
          </label>
          <div className="popover-actions">
            <button type="button" onClick={close}>Cancel</button>
            <button type="submit" className="primary" data-testid="add-node-submit" disabled={!title.trim()}>
              Add {KIND_STYLE[kind].label.toLowerCase()}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
