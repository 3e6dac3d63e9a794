//! An allocation's amount, editable in place; commits an update_link on blur or Enter.
import { useState } from "react";
import type { Link } from "../bindings/Link";
import { useActions } from "../state/actions";

const rowId = (l: Link) => `${l.kind}-${l.from}-${l.to}`;

export function AmountInput({ link, unit }: { link: Link; unit?: string }) {
  const actions = useActions();
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? String(link.amount ?? 0);
  const commit = () => {
    if (draft === null) return;
    const amount = Number(draft);
    setDraft(null);
    if (draft.trim() !== "" && Number.isFinite(amount) && amount !== link.amount)
      void actions.edit({ op: "update_link", link: { ...link, amount } });
  };
  return (
    <span className="amount">
      <input type="number" min={0} step="any" value={value} aria-label="Amount" data-testid={`link-amount-${rowId(link)}`}
        onChange={(e) => setDraft(e.target.value)} onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(null);
        }} />
      {unit ? <small>{unit}</small> : null}
    </span>
  );
}

