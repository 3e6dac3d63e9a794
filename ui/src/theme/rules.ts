//! Headings for the analysis rules (the same words as Rule::title in crates/core/src/analysis.rs).
import type { Rule } from "../bindings/Rule";

export const RULE_TITLE: Record<Rule, string> = {
  orphan: "Not linked to an organizational goal",
  unsupported_goal: "Goal with nothing working toward it",
  unresourced_goal: "Goal with no resources behind it",
  over_allocated: "Resource over-allocated",
  unresourced_strategy: "Strategy without resources",
  unresourced_initiative: "Initiative without resources",
  missing_why: "Why it matters is not written down",
  stale_review: "Review overdue",
  past_target: "Past its target date",
  capability_gap: "Capability gap",
  idle_resource: "Resource not allocated",
  single_point_of_failure: "Single point of failure",
};

export const RULE_ORDER: Rule[] = Object.keys(RULE_TITLE) as Rule[];
