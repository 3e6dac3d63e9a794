//! A small plan for unit tests: two org goals, a chain down to resources, and one loose initiative.
import type { Plan } from "../bindings/Plan";
import type { Finding } from "../bindings/Finding";
import type { PlanState } from "../ipc/types";

export const PLAN: Plan = {
  name: "Test plan",
  review_cadence_days: 90,
  nodes: [
    { id: "G1", kind: "org_goal", title: "Customers reach us in one call", status: "active", team: "Leadership", owner: "CIO" },
    { id: "G2", kind: "org_goal", title: "No security incident", status: "active", team: "Leadership", owner: "CIO" },
    { id: "TG1", kind: "team_goal", title: "First contact resolution", status: "active", team: "Service Desk", owner: "Priya" },
    { id: "S1", kind: "strategy", title: "Shift left", status: "active", team: "Service Desk", owner: "Priya" },
    { id: "S2", kind: "strategy", title: "Zero trust", status: "proposed", team: "Security", owner: "Sofia" },
    { id: "I1", kind: "initiative", title: "Self-service portal", status: "active", team: "Service Desk", owner: "Jamal" },
    { id: "I2", kind: "initiative", title: "Loose initiative", status: "active", team: "Security", owner: "Noah" },
    { id: "R1", kind: "resource", title: "Budget", status: "active", resource_type: "funding", capacity: 100, unit: "EUR" },
    { id: "R2", kind: "resource", title: "Security hours", status: "active", resource_type: "time" },
  ],
  links: [
    { kind: "supports", from: "TG1", to: "G1" },
    { kind: "supports", from: "S1", to: "TG1" },
    { kind: "supports", from: "S2", to: "G2" },
    { kind: "supports", from: "I1", to: "S1" },
    { kind: "allocates", from: "R1", to: "I1", amount: 60 },
    { kind: "allocates", from: "R2", to: "S2", amount: 10 },
  ],
};

export const FINDINGS: Finding[] = [
  { rule: "orphan", severity: "error", node: "I2", title: "Loose initiative", message: "m", hint: "h" },
  { rule: "unresourced_initiative", severity: "warning", node: "I2", title: "Loose initiative", message: "m", hint: "h" },
  { rule: "missing_why", severity: "warning", node: "S1", title: "Shift left", message: "m", hint: "h" },
];

/** PLAN as `current_plan` returns it, with FINDINGS as its analysis. */
export const STATE: PlanState = {
  path: "/plans/test.throughline",
  plan: PLAN,
  analysis: { as_of: "2026-11-23", summary: { error: 1, warning: 2, info: 0, alignment_score: 1 }, findings: FINDINGS },
  can_undo: false,
  can_redo: false,
  read_only: false,
  as_of: "2026-11-23",
  recent: [],
};
