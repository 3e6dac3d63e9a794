//! The selected node's links: what it supports, what supports it, allocations (amount editable),
//! and a form to add one, whose other end is found by typing among what the rules allow. Every
//! change is an Edit that Rust may refuse.
import { useMemo, useState } from "react";
import type { Link } from "../bindings/Link";
import type { Node } from "../bindings/Node";
import { parseAmount } from "../model/format";
import { linkChoices, type AddKind } from "../model/linkTargets";
import { useActions } from "../state/actions";
import { usePlan } from "../state/store";
import { Icon } from "../theme/icons";
import { KIND_STYLE } from "../theme/kinds";
import { AmountInput } from "./AmountInput";
import { NodeRef } from "./KindChip";
import { LinkTargetPicker } from "./LinkTargetPicker";

const NONE: string[] = [];
const NO_LINKS: Link[] = [];

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
  const { index } = usePlan();
  const actions = useActions();
  const choices = linkChoices(node.kind);
  const [kind, setKind] = useState<AddKind>(choices[0] ?? "supports");
  const [target, setTarget] = useState<Node | null>(null);
  const [amount, setAmount] = useState("");
  // Bumped to clear the picker after a link is made or the kind changes.
  const [pickerKey, setPickerKey] = useState(0);

  // From the index, not a pass over every link: this renders on every edit of a 10,000-node plan.
  const up = index.up.get(node.id) ?? NONE;
  const down = index.down.get(node.id) ?? NONE;
  const allocatedTo = index.allocationsFrom.get(node.id) ?? NO_LINKS;
  const allocatedFrom = index.allocationsTo.get(node.id) ?? NO_LINKS;
  const taken = useMemo(() => {
    if (kind === "supports") return new Set(up);
    if (kind === "supported_by") return new Set(down);
    return new Set(node.kind === "resource" ? allocatedTo.map((l) => l.to) : allocatedFrom.map((l) => l.from));
  }, [kind, node.kind, up, down, allocatedTo, allocatedFrom]);

  const submit = async () => {
    if (!target) return;
    let link: Link;
    if (kind === "supports") link = { kind: "supports", from: node.id, to: target.id };
    else if (kind === "supported_by") link = { kind: "supports", from: target.id, to: node.id };
    else {
      const [from, to] = node.kind === "resource" ? [node.id, target.id] : [target.id, node.id];
      const parsed = amount.trim() === "" ? 0 : parseAmount(amount);
      if (parsed === null) return;
      link = { kind: "allocates", from, to, amount: parsed };
    }
    if (await actions.edit({ op: "add_link", link })) {
      setTarget(null);
      setAmount("");
      setPickerKey((key) => key + 1);
    }
  };

  return (
    <section className="inspector-section">
      <h3>Links</h3>
      {up.length + down.length + allocatedTo.length + allocatedFrom.length === 0 ? (
        <p className="empty-hint">
          {node.kind === "org_goal"
            ? "Nothing works toward this goal yet. Link a team goal, strategy or initiative to it."
            : node.kind === "resource"
              ? "Allocate this resource to a strategy or initiative."
              : `Link this ${KIND_STYLE[node.kind].label.toLowerCase()} to the ${node.kind === "initiative" ? "strategy" : "goal"} it serves.`}
        </p>
      ) : null}
      <ul className="link-list">
        {up.map((to) => <LinkRow key={`up-${to}`} link={{ kind: "supports", from: node.id, to }} other={index.nodes.get(to)} label="Supports" />)}
        {down.map((from) => <LinkRow key={`down-${from}`} link={{ kind: "supports", from, to: node.id }} other={index.nodes.get(from)} label="Supported by" />)}
        {allocatedTo.map((l) => <LinkRow key={rowId(l)} link={l} other={index.nodes.get(l.to)} label="Allocated to" />)}
        {allocatedFrom.map((l) => <LinkRow key={rowId(l)} link={l} other={index.nodes.get(l.from)} label="Resourced by" />)}
      </ul>
      {choices.length ? <form className="link-add" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <select data-testid="link-add-kind" value={kind} aria-label="Kind of link"
          onChange={(e) => { setKind(e.target.value as AddKind); setTarget(null); setPickerKey((key) => key + 1); }}>
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {choice === "supports" ? "Supports →"
                : choice === "supported_by" ? "Is supported by ←"
                  : node.kind === "resource" ? "Allocates to →" : "Gets resources from ←"}
            </option>
          ))}
        </select>
        <LinkTargetPicker key={pickerKey} near={node} add={kind} taken={taken} chosen={target} onChoose={setTarget} />
        {kind === "allocates" ? (
          <input data-testid="link-add-amount" inputMode="decimal" value={amount} aria-label="Amount"
            aria-invalid={amount.trim() !== "" && parseAmount(amount) === null}
            placeholder={`Amount${node.kind === "resource" && node.unit ? ` (${node.unit})` : ""}`}
            onChange={(e) => setAmount(e.target.value)} />
        ) : null}
        <button type="submit" data-testid="link-add-submit" disabled={!target} title="Add this link">
          <Icon name="link" size={14} /> Link
        </button>
      </form> : null}
    </section>
  );
}
