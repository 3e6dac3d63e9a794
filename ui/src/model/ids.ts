//! Fresh node ids and default titles for nodes the UI creates.
import type { NodeKind } from "../bindings/NodeKind";

const PREFIX: Record<NodeKind, string> = {
  org_goal: "G",
  team_goal: "TG",
  strategy: "S",
  initiative: "I",
  resource: "R",
};

/** "TG-7": the kind's prefix and the first number not taken by an existing id. */
export function freshId(kind: NodeKind, taken: { has(id: string): boolean }): string {
  for (let n = 1; ; n++) {
    const id = `${PREFIX[kind]}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** Whether `id` is one freshId made for `kind` ("TG-7" for a team goal). */
export const isFreshIdOf = (id: string, kind: NodeKind) => new RegExp(`^${PREFIX[kind]}-\\d+$`).test(id);

export const DEFAULT_TITLE: Record<NodeKind, string> = {
  org_goal: "New organizational goal",
  team_goal: "New team goal",
  strategy: "New strategy",
  initiative: "New initiative",
  resource: "New resource",
};
