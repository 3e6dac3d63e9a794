//! What a team's page says first: how much of its work traces up to the organization's goals,
//! as the core judged it (a piece of work traces up unless the core found it an orphan).
import type { Finding } from "../bindings/Finding";
import type { Node } from "../bindings/Node";

export const isOrphan = (findings: Finding[] | undefined) => (findings ?? []).some((f) => f.rule === "orphan");

/**
 * "12 of 14 initiatives and 3 of 3 strategies trace up to an organizational goal." A piece of
 * work traces up unless the core found it an orphan.
 */
export function traceSummary(work: Node[], orphan: (id: string) => boolean): string {
  const part = (kind: "initiative" | "strategy", plural: string) => {
    const ofKind = work.filter((n) => n.kind === kind && n.status !== "dropped");
    if (ofKind.length === 0) return null;
    const tracing = ofKind.filter((n) => !orphan(n.id)).length;
    return `${tracing} of ${ofKind.length} ${ofKind.length === 1 ? kind : plural}`;
  };
  const parts = [part("initiative", "initiatives"), part("strategy", "strategies")].filter(Boolean);
  if (parts.length === 0) return "No strategy or initiative yet.";
  const total = parts.join(" and ");
  const one = work.filter((n) => n.status !== "dropped").length === 1;
  return `${total[0].toUpperCase()}${total.slice(1)} ${one ? "traces" : "trace"} up to an organizational goal.`;
}
