//! Plans for the dev mock backend: the core's sample plan when it is there, a small inline one
//! otherwise, and synthetic big plans (?nodes=N) to check the map stays responsive.
import type { Plan } from "../bindings/Plan";

type PlanFile = Plan & { format?: string; version?: number };

// Globbed, not imported, so the dev server still starts before the core's sample exists.
const found = import.meta.glob<PlanFile>("../../../crates/core/src/sample_plan.json", {
  eager: true,
  import: "default",
});

export const INLINE_PLAN: Plan = {
  name: "IT strategy 2027",
  review_cadence_days: 90,
  nodes: [
    { id: "G1", kind: "org_goal", title: "Customers reach us in one call", why: "Service quality is the board's first goal.", owner: "CIO", team: "Leadership", status: "active", last_reviewed: "2026-10-01", target_date: "2027-06-30" },
    { id: "G2", kind: "org_goal", title: "No material security incident", status: "active", owner: "CIO", team: "Leadership" },
    { id: "TG1", kind: "team_goal", title: "Resolve 75% at first contact", why: "Hand-offs cost a day.", team: "Service Desk", owner: "Priya", status: "active", last_reviewed: "2026-11-01" },
    { id: "S1", kind: "strategy", title: "Shift-left to self-service", why: "Routine requests need no human.", team: "Service Desk", status: "active", last_reviewed: "2026-11-01" },
    { id: "I1", kind: "initiative", title: "Self-service portal", team: "Service Desk", status: "active", target_date: "2027-03-31" },
    { id: "I2", kind: "initiative", title: "Knowledge base clean-up", team: "Service Desk", status: "proposed" },
    { id: "R1", kind: "resource", resource_type: "funding", title: "Service desk budget", capacity: 250000, unit: "EUR", status: "active" },
    { id: "R2", kind: "resource", resource_type: "time", title: "Analyst hours", capacity: 2000, unit: "hours", status: "active" },
  ],
  links: [
    { kind: "supports", from: "TG1", to: "G1" },
    { kind: "supports", from: "S1", to: "TG1" },
    { kind: "supports", from: "I1", to: "S1" },
    { kind: "supports", from: "I2", to: "S1" },
    { kind: "allocates", from: "R1", to: "I1", amount: 180000 },
    { kind: "allocates", from: "R1", to: "S1", amount: 90000 },
  ],
};

export function samplePlan(): Plan {
  const file = Object.values(found)[0];
  if (!file) return structuredClone(INLINE_PLAN);
  const { format: _format, version: _version, ...plan } = structuredClone(file);
  return plan;
}

/** A deterministic synthetic plan of about `size` nodes with the usual shape (few goals, many initiatives). */
export function syntheticPlan(size: number): Plan {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(list: T[]) => list[Math.floor(rand() * list.length)];
  const teams = ["Service Desk", "Infrastructure", "Security", "Applications", "Data"];
  const plan: Plan = { name: `Synthetic plan (${size} nodes)`, review_cadence_days: 90, nodes: [], links: [] };
  const counts = {
    org_goal: Math.max(1, Math.round(size * 0.01)),
    team_goal: Math.max(1, Math.round(size * 0.05)),
    strategy: Math.max(1, Math.round(size * 0.14)),
    resource: Math.max(1, Math.round(size * 0.1)),
  };
  const ids: Record<string, string[]> = { org_goal: [], team_goal: [], strategy: [], initiative: [], resource: [] };
  const add = (kind: keyof typeof ids, n: number) => {
    for (let i = 0; i < n; i++) {
      const id = `${kind}-${i}`;
      ids[kind].push(id);
      plan.nodes.push({
        id,
        kind: kind as Plan["nodes"][number]["kind"],
        title: `${kind.replace("_", " ")} ${i}`,
        status: "active",
        team: pick(teams),
        why: rand() > 0.2 ? "Because it matters." : undefined,
        last_reviewed: "2026-10-01",
        ...(kind === "resource"
          ? { resource_type: pick(["funding", "tool", "skill", "time"] as const), capacity: 1000, unit: "units", last_reviewed: undefined }
          : {}),
      });
    }
  };
  add("org_goal", counts.org_goal);
  add("team_goal", counts.team_goal);
  add("strategy", counts.strategy);
  add("initiative", size - counts.org_goal - counts.team_goal - counts.strategy - counts.resource);
  add("resource", counts.resource);
  for (const id of ids.team_goal) plan.links.push({ kind: "supports", from: id, to: pick(ids.org_goal) });
  for (const id of ids.strategy) plan.links.push({ kind: "supports", from: id, to: pick(ids.team_goal) });
  for (const id of ids.initiative) if (rand() > 0.03) plan.links.push({ kind: "supports", from: id, to: pick(ids.strategy) });
  for (const id of ids.initiative)
    if (rand() > 0.3) plan.links.push({ kind: "allocates", from: pick(ids.resource), to: id, amount: Math.round(rand() * 100) });
  return plan;
}
