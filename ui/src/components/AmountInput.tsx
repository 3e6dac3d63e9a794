//! An allocation's amount, editable in place; commits an update_link on blur or Enter. Shown with
//! thousands separators ("1,200,000"), and read back with or without them.
import { useState } from "react";
import type { Link } from "../bindings/Link";
import { formatAmount, parseAmount } from "../model/format";
import { useActions } from "../state/actions";

const rowId = (l: Link) => `${l.kind}-${l.from}-${l.to}`;

export function AmountInput({ link, unit }: { link: Link; unit?: string }) {
  const actions = useActions();
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? formatAmount(link.amount ?? 0);
  const invalid = draft !== null && parseAmount(draft) === null;
  const commit = () => {
    if (draft === null) return;
    const amount = parseAmount(draft);
    if (amount === null) return;
    setDraft(null);
    if (amount !== link.amount) void actions.edit({ op: "update_link", link: { ...link, amount } });
  };
  return (
    <span className="amount">
      <input inputMode="decimal" value={value} aria-label="Amount" aria-invalid={invalid}
        title={invalid ? "An amount is a number of 0 or more, like 25,000" : undefined}
        data-testid={`link-amount-${rowId(link)}`}
        onChange={(e) => setDraft(e.target.value)} onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
          if (e.key === "Escape") setDraft(null);
        }} />
      {unit ? <small>{unit}</small> : null}
    </span>
  );
}
