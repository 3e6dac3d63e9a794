//! The other end of a new link: a type-ahead that lists only the nodes the rules allow there.
//! Arrow keys move through the matches, Enter or a click picks one; nothing else can be picked.
import { useId, useMemo, useState } from "react";
import type { Node } from "../bindings/Node";
import { allowedKinds, linkTargets, type AddKind } from "../model/linkTargets";
import { usePlan } from "../state/store";
import { KIND_STYLE } from "../theme/kinds";
import { KindChip } from "./KindChip";
import { Input } from "./Input";

type Props = {
  near: Node;
  add: AddKind;
  /** The ids already linked this way, left out of the matches. */
  taken: ReadonlySet<string>;
  chosen: Node | null;
  onChoose: (node: Node | null) => void;
};

const LIMIT = 8;

export function LinkTargetPicker({ near, add, taken, chosen, onChoose }: Props) {
  const { index } = usePlan();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const kinds = allowedKinds(add, near.kind);
  const kindWords = kinds.map((kind) => KIND_STYLE[kind].plural.toLowerCase()).join(" or ");
  // Only while the list is open: an edit elsewhere must not pay for a pass over the plan.
  const matches = useMemo(
    () => (open ? linkTargets(index.nodes.values(), near, add, text, taken, LIMIT) : null),
    [open, index.nodes, near, add, text, taken],
  );
  const shown = matches?.shown ?? [];

  const choose = (node: Node) => {
    onChoose(node);
    setText(node.title);
    setOpen(false);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) setOpen(true);
      else if (shown.length) setActive((at) => (at + (event.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length);
    } else if (event.key === "Enter" && open && shown[active]) {
      // Picks the match; a second Enter (list closed) submits the form.
      event.preventDefault();
      choose(shown[active]);
    } else if (event.key === "Escape" && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="link-target">
      <Input
        data-testid="link-add-target"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[active] ? `${listId}-${shown[active].id}` : undefined}
        aria-label="Other node"
        placeholder={kinds.length ? `Find one of the ${kindWords}…` : "Nothing can be linked this way"}
        disabled={kinds.length === 0}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
          if (chosen) onChoose(null);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && matches ? (
        <ul className="link-target-list" role="listbox" id={listId} data-testid="link-add-options">
          {shown.map((node, at) => (
            <li
              key={node.id}
              id={`${listId}-${node.id}`}
              role="option"
              aria-selected={at === active}
              className={at === active ? "active" : undefined}
              data-testid={`link-option-${node.id}`}
              // Before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(node);
              }}
              onMouseEnter={() => setActive(at)}
            >
              <KindChip kind={node.kind} node={node} compact />
              <span className="link-target-title">{node.title}</span>
              <span className="link-target-id">{node.id}</span>
            </li>
          ))}
          {matches.total === 0 ? (
            <li className="link-target-note" data-testid="link-add-none">
              {text.trim() ? `No ${kindWords} match “${text.trim()}”.` : `There are no ${kindWords} to link yet.`}
            </li>
          ) : matches.total > shown.length ? (
            <li className="link-target-note">{`${matches.total - shown.length} more: type more of the title.`}</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
