//! Synthetic big plans for the browser preview (?nodes=N), to check the map stays responsive.
//! They are shown unanalysed: findings come only from the core (see replay.ts).
import type { Plan } from "../bindings/Plan";

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
