//! Accepting a finding knowingly (ALIGNMENT-RULES.md, accepted findings) as the edit the core
//! judges: the plan's whole acceptance list with one entry put in or taken out. The core decides
//! which findings an acceptance marks, whether it is in force, and refuses a bad one.
import type { Acceptance } from "../bindings/Acceptance";
import type { Edit } from "../bindings/Edit";
import type { Finding } from "../bindings/Finding";
import type { Severity } from "../bindings/Severity";

const same = (a: { rule: string; node: string }, b: { rule: string; node: string }) =>
  a.rule === b.rule && a.node === b.node;

/** The edit that accepts `finding` for `reason` until `until` (or until taken back), replacing an earlier acceptance of it. */
export function acceptEdit(accepted: Acceptance[] | undefined, finding: Finding, reason: string, until?: string): Edit {
  const entry: Acceptance = { rule: finding.rule, node: finding.node, reason: reason.trim() };
  if (until?.trim()) entry.until = until.trim();
  const list = accepted ?? [];
  const at = list.findIndex((a) => same(a, finding));
  const next = at < 0 ? [...list, entry] : list.map((a, i) => (i === at ? entry : a));
  return { op: "set_acceptances", accepted: next };
}

/** The edit that takes back the acceptance of `finding` (rule and node). */
export function takeBackEdit(accepted: Acceptance[] | undefined, finding: { rule: string; node: string }): Edit {
  return { op: "set_acceptances", accepted: (accepted ?? []).filter((a) => !same(a, finding)) };
}

/** How many findings of each severity the core marked as accepted: they are shown, but fail nothing. */
export function acceptedCounts(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) if (finding.accepted) counts[finding.severity] += 1;
  return counts;
}
