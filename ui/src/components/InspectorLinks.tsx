//! The selected node's links: what it supports, what supports it, allocations (amount editable),
//! and a form to add one. Every change is an Edit that Rust may refuse.
import { useState } from "react";
import type { Link } from "../bindings/Link";
import type { Node } from "../bindings/Node";
import { parseAmount } from "../model/format";
import { allows } from "../model/rules";
import { KIND_ORDER, kindRank } from "../model/planIndex";
import { useActions } from "../state/actions";
import { usePlan } from "../state/store";
import { Icon } from "../theme/icons";
import { KIND_STYLE } from "../theme/kinds";
import { AmountInput } from "./AmountInput";
import { NodeRef } from "./KindChip";

type AddKind = "supports" | "supported_by" | "allocates";

export const rowId = (l: Link) => `${l.kind}-${l.from}-${l.to}`;

function LinkRow({ link, other, label }: { link: Link; other: Node | undefined; label: string }) {
  const { dispatch, index } = usePlan();
  const actions = useActions();
  const resource = index.nodes.get(link.from);
  return (
    <li className="link-row" data-testid={`link-row-${rowId(link)}`}>
      <span className="link-label">{label}</span>
      {other ? <NodeRef node={other} onSelect={(id) => dispatch({ type: "select", id, focus: true })} /> : <code>{link.to}</code>}
      {link.kind === "allocates" ? <AmountInput link={link} unit={resource?.unit} /> : null}
      <button type="button" className="icon-button remove" data-testid={`link-remove-${rowId(link)}`}
        title="Remove this link" aria-label="Remove this link"
        onClick={() => void actions.edit({ op: "remove_link", key: { kind: link.kind, from: link.from, to: link.to } })}>
        <Icon name="close" size={13} />
      </button>
    </li>
  );
}

export function InspectorLinks({ node }: { node: Node }) {
  const { index, planState } = usePlan();
  const actions = useActions();
  const canAllocate = node.kind === "resource" || node.kind === "strategy" || node.kind === "initiative";
  const [kind, setKind] = useState<AddKind>(node.kind === "resource" ? "allocates" : "supports");
  const [target, setTarget] = useState("");
  const [amount, setAmount] = useState("");

  const links = planState.plan.links;
  const up = links.filter((l) => l.kind === "supports" && l.from === node.id);
  const down = links.filter((l) => l.kind === "supports" && l.to === node.id);
  const allocs = links.filter((l) => l.kind === "allocates" && (l.from === node.id || l.to === node.id));

  // The candidate other end, judged as the link would be drawn.
  const fits = (other: Node) => {
    if (kind === "supports") return allows("supports", node.kind, other.kind);
    if (kind === "supported_by") return allows("supports", other.kind, node.kind);
    return node.kind === "resource" ? allows("allocates", "resource", other.kind) : other.kind === "resource";
  };
  const others = planState.plan.nodes
    .filter((n) => n.id !== node.id)
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || a.title.localeCompare(b.title));
  const allowed = others.filter(fits);
  const refused = others.length <= 600 ? others.filter((n) => !fits(n)) : [];

  const submit = async () => {
    if (!target) return;
    let link: Link;
    if (kind === "supports") link = { kind: "supports", from: node.id, to: target };
    else if (kind === "supported_by") link = { kind: "supports", from: target, to: node.id };
    else {
      const [from, to] = node.kind === "resource" ? [node.id, target] : [target, node.id];
      const parsed = amount.trim() === "" ? 0 : parseAmount(amount);
      if (parsed === null) return;
      link = { kind: "allocates", from, to, amount: parsed };
    }
    if (await actions.edit({ op: "add_link", link })) {
      setTarget("");
      setAmount("");
    }
  };

  const option = (n: Node) => (
    <option key={n.id} value={n.id}>{`${KIND_STYLE[n.kind].label}: ${n.title} (${n.id})`}</option>
  );
  const groupLabel = (list: Node[]) => KIND_ORDER.filter((k) => list.some((n) => n.kind === k)).map((k) => KIND_STYLE[k].plural).join(", ");
  const resourceOf = (l: Link) => index.nodes.get(l.from);

  return (
    <section className="inspector-section">
      <h3>Links</h3>
      {up.length + down.length + allocs.length === 0 ? (
        <p className="empty-hint">
          {node.kind === "org_goal"
            ? "Nothing works toward this goal yet. Link a team goal, strategy or initiative to it."
            : node.kind === "resource"
              ? "Allocate this resource to a strategy or initiative."
              : `Link this ${KIND_STYLE[node.kind].label.toLowerCase()} to the ${node.kind === "initiative" ? "strategy" : "goal"} it serves.`}
        </p>
      ) : null}
      <ul className="link-list">
        {up.map((l) => <LinkRow key={rowId(l)} link={l} other={index.nodes.get(l.to)} label="Supports" />)}
        {down.map((l) => <LinkRow key={rowId(l)} link={l} other={index.nodes.get(l.from)} label="Supported by" />)}
        {allocs.map((l) =>
          l.from === node.id ? (
            <LinkRow key={rowId(l)} link={l} other={index.nodes.get(l.to)} label="Allocated to" />
          ) : (
            <LinkRow key={rowId(l)} link={l} other={resourceOf(l)} label="Resourced by" />
          ),
        )}
      </ul>
      <form className="link-add" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <select data-testid="link-add-kind" value={kind} aria-label="Kind of link"
          onChange={(e) => { setKind(e.target.value as AddKind); setTarget(""); }}>
          {node.kind !== "resource" ? <option value="supports">Supports →</option> : null}
          {node.kind !== "resource" && node.kind !== "initiative" ? <option value="supported_by">Is supported by ←</option> : null}
          {canAllocate ? <option value="allocates">{node.kind === "resource" ? "Allocates to →" : "Gets resources from ←"}</option> : null}
        </select>
        <select data-testid="link-add-target" value={target} aria-label="Other node" onChange={(e) => setTarget(e.target.value)}>
          <option value="">Choose a node…</option>
          {allowed.length ? <optgroup label={groupLabel(allowed)}>{allowed.map(option)}</optgroup> : null}
          {refused.length ? <optgroup label="Not allowed by the rules">{refused.map(option)}</optgroup> : null}
        </select>
        {kind === "allocates" ? (
          <input data-testid="link-add-amount" inputMode="decimal" value={amount} aria-label="Amount"
            aria-invalid={amount.trim() !== "" && parseAmount(amount) === null}
            placeholder={`Amount${node.kind === "resource" && node.unit ? ` (${node.unit})` : ""}`}
            onChange={(e) => setAmount(e.target.value)} />
        ) : null}
        <button type="submit" data-testid="link-add-submit" disabled={!target} title="Add this link">
          <Icon name="link" size={14} /> Link
        </button>
      </form>
    </section>
  );
}
