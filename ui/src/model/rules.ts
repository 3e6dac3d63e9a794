//! The rules as the core exports them (bindings/rule_book.ts, written by crates/core/src/rule_book.rs):
//! which links are allowed, each rule's title, severity and hint, and what the score means.
//! Nothing here restates a rule; Rust stays the judge of every edit.
import type { AllowedLink } from "../bindings/AllowedLink";
import type { LinkKind } from "../bindings/LinkKind";
import type { NodeKind } from "../bindings/NodeKind";
import type { ReportFormat } from "../bindings/ReportFormat";
import type { Rule } from "../bindings/Rule";
import type { RuleEntry } from "../bindings/RuleEntry";
import type { Summary } from "../bindings/Summary";
import { RULE_BOOK } from "../bindings/rule_book";

/** Whether the rules allow a link of this kind between these node kinds. */
export function allows(kind: LinkKind, from: NodeKind, to: NodeKind): boolean {
  return RULE_BOOK.links.some((link) => link.kind === kind && link.from === from && link.to === to);
}

/** The links a node of `kind` may start, as the core's table lists them. */
export function allowedLinksFrom(kind: NodeKind): AllowedLink[] {
  return RULE_BOOK.links.filter((link) => link.from === kind);
}

export const RULE: Record<Rule, RuleEntry> = Object.fromEntries(RULE_BOOK.rules.map((entry) => [entry.rule, entry])) as Record<
  Rule,
  RuleEntry
>;

/** The rules in the order ALIGNMENT-RULES.md lists them. */
export const RULE_ORDER: Rule[] = RULE_BOOK.rules.map((entry) => entry.rule);

export const SCORE_SENTENCE = RULE_BOOK.score_sentence;

/** Whether the core writes a one-page brief for this kind of node ("Share brief"). */
export function briefable(kind: NodeKind): boolean {
  return RULE_BOOK.brief_kinds.includes(kind);
}

/** Whether nodes of this kind are asked to be re-explained on the cadence (the stale-review rule reads their log). */
export function reviewedKind(kind: NodeKind): boolean {
  return RULE_BOOK.reviewed_kinds.includes(kind);
}

/** The formats the core writes a brief in, the default first. */
export const BRIEF_FORMATS: ReportFormat[] = RULE_BOOK.brief_formats;

/**
 * The score as the core shows it (Summary::score_text): a whole percentage rounded down, or "n/a".
 * Integer counts, not the fraction: 29 of 100 is 29%, where floor(0.29 * 100) would be 28.
 */
export function scoreText(summary: Summary): string {
  return summary.scored === 0 ? "n/a" : `${Math.floor((summary.aligned * 100) / summary.scored)}%`;
}
