//! What a drag between two nodes on the map means, read against the core's link table
//! (bindings/rule_book.ts), and the sentences the map says about it: by titles, never ids.
import type { Link } from "../../bindings/Link";
import type { LinkKind } from "../../bindings/LinkKind";
import type { Node } from "../../bindings/Node";
import type { NodeKind } from "../../bindings/NodeKind";
import { allows, allowedLinksFrom } from "../../model/rules";
import { KIND_STYLE } from "../../theme/kinds";

export type DragOutcome = { link: Link } | { refused: string };

/**
 * The link a drag from `a` to `b` makes: `a` supports (or, a resource, is allocated to) `b` when
 * the rules allow it, else the other way round when they allow that. The map says which link was
 * made, so a turned-round drag is never silent. When no link fits, why not.
 */
export function linkForDrag(a: Node, b: Node): DragOutcome {
  const candidates: [LinkKind, Node, Node][] = [
    ["supports", a, b],
    ["allocates", a, b],
    ["supports", b, a],
    ["allocates", b, a],
  ];
  for (const [kind, from, to] of candidates)
    if (allows(kind, from.kind, to.kind)) return { link: { kind, from: from.id, to: to.id } };
  return { refused: refusal(a, b) };
}

/** "Portal supports Grow revenue", "Cloud budget is allocated to Portal". */
export function linkSentence(link: Link, from: Node, to: Node): string {
  return `${from.title} ${link.kind === "supports" ? "supports" : "is allocated to"} ${to.title}`;
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

function listed(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** What a node of `kind` may link to, as the rules say: "a resource is allocated only to strategies or initiatives". */
function whatKindLinksTo(kind: NodeKind): string {
  const allowed = allowedLinksFrom(kind);
  const to = (linkKind: LinkKind) => allowed.filter((l) => l.kind === linkKind).map((l) => lower(KIND_STYLE[l.to].plural));
  const parts: string[] = [];
  if (to("supports").length > 0) parts.push(`supports only ${listed(to("supports"))}`);
  if (to("allocates").length > 0) parts.push(`is allocated only to ${listed(to("allocates"))}`);
  const subject = article(lower(KIND_STYLE[kind].label));
  return parts.length > 0 ? `${subject} ${parts.join(" and ")}` : `${subject} links to nothing`;
}

function refusal(a: Node, b: Node): string {
  const reasons = a.kind === b.kind ? whatKindLinksTo(a.kind) : `${whatKindLinksTo(a.kind)}, and ${whatKindLinksTo(b.kind)}`;
  return `${a.title} and ${b.title} cannot be linked: ${reasons}.`;
}
