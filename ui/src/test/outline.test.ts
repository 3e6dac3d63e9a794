import { describe, expect, it } from "vitest";
import type { Edit } from "../bindings/Edit";
import { addSibling, childKind, indent, outdent, outlineRows } from "../model/outline";
import { buildIndex } from "../model/planIndex";
import { filterRows } from "../views/Outline/OutlineView";
import { FINDINGS, PLAN } from "./fixtures";

const index = buildIndex(PLAN, FINDINGS);
const rows = outlineRows(index);
const row = (id: string) => rows.find((r) => r.id === id)!;
const edit = (op: ReturnType<typeof indent>): Edit => {
  if ("refused" in op) throw new Error(`refused: ${op.refused}`);
  return op.edit;
};

describe("outline tree", () => {
  it("puts org goals on top with what supports them nested, then unlinked work, then resources", () => {
    expect(rows.map((r) => `${"  ".repeat(r.depth)}${r.id}`), "the tree in reading order").toEqual([
      "G1", "  TG1", "    S1", "      I1", "G2", "  S2", "I2", "R1", "R2",
    ]);
  });

  it("hides rows that neither match nor lead to a match, keeping the ones above a match", () => {
    const kept = filterRows(rows, new Set(["I1"]));
    expect(kept.map((k) => k.row.id), "I1 and its ancestors stay").toEqual(["G1", "TG1", "S1", "I1"]);
    expect(kept.filter((k) => k.context).map((k) => k.row.id), "ancestors are context only").toEqual(["G1", "TG1", "S1"]);
  });
});

describe("outline keyboard operations", () => {
  it("Enter adds a node of the same kind supporting the same parent, in one batch", () => {
    const op = addSibling(index, row("S1"));
    expect(op, "a sibling strategy under TG1").toEqual({
      edit: {
        op: "batch",
        edits: [
          { op: "add_node", node: { id: "S-1", kind: "strategy", title: "New strategy", status: "active", team: "Service Desk" } },
          { op: "add_link", link: { kind: "supports", from: "S-1", to: "TG1" } },
        ],
      },
      select: "S-1",
    });
  });

  it("Enter on a top-level org goal adds a plain org goal", () => {
    const op = addSibling(index, row("G2"));
    expect("edit" in op && op.edit, "no link for a top-level node").toEqual({
      op: "add_node",
      node: { id: "G-1", kind: "org_goal", title: "New organizational goal", status: "active", team: "Leadership" },
    });
  });

  it("Tab moves a node under its previous sibling and makes it one level down", () => {
    // G2 follows G1 at the top: indenting makes it a team goal supporting G1.
    expect(edit(indent(index, rows, "G2")), "unlink nothing, change kind, link to G1").toEqual({
      op: "batch",
      edits: [
        { op: "update_node", node: { ...PLAN.nodes[1], kind: "team_goal" } },
        { op: "add_link", link: { kind: "supports", from: "G2", to: "G1" } },
      ],
    });
  });

  it("Tab is refused without a previous sibling at the same level", () => {
    expect(indent(index, rows, "TG1"), "TG1 is the first child of G1").toHaveProperty("refused");
  });

  it("Shift+Tab moves a node beside its parent, taking the parent's kind and grandparent", () => {
    expect(edit(outdent(index, "S1", rows)), "S1 becomes a team goal supporting G1").toEqual({
      op: "batch",
      edits: [
        { op: "remove_link", key: { kind: "supports", from: "S1", to: "TG1" } },
        { op: "update_node", node: { ...PLAN.nodes[3], kind: "team_goal" } },
        { op: "add_link", link: { kind: "supports", from: "S1", to: "G1" } },
      ],
    });
  });

  it("Shift+Tab is refused at the top level", () => {
    expect(outdent(index, "G1", rows), "G1 has no parent").toHaveProperty("refused");
  });
});

describe("a node the outline just made, moved to another level", () => {
  const fresh = { id: "S-1", kind: "strategy" as const, title: "New strategy", status: "active" as const };
  const plan = {
    ...PLAN,
    nodes: [...PLAN.nodes, fresh],
    links: [...PLAN.links, { kind: "supports" as const, from: "S-1", to: "TG1" }],
  };
  const freshIndex = buildIndex(plan, FINDINGS);
  const freshRows = outlineRows(freshIndex);

  it("is made again under an id of its new kind, so a team goal is never called S-1", () => {
    const op = outdent(freshIndex, "S-1", freshRows);
    expect(op, "the new node is selected").toHaveProperty("select", "TG-1");
    expect(edit(op)).toEqual({
      op: "batch",
      edits: [
        { op: "remove_node", id: "S-1" },
        { op: "add_node", node: { id: "TG-1", kind: "team_goal", title: "New team goal", status: "active" } },
        { op: "add_link", link: { kind: "supports", from: "TG-1", to: "G1" } },
      ],
    });
  });

  it("keeps its id once something else links to it", () => {
    const held = buildIndex({ ...plan, links: [...plan.links, { kind: "supports" as const, from: "I1", to: "S-1" }] }, FINDINGS);
    const op = outdent(held, "S-1", outlineRows(held));
    expect(op, "an id others link to stays").toHaveProperty("select", "S-1");
  });
});

describe("the kind a row takes under its parent (Tab)", () => {
  it("is the next kind down that the core's rules let support the parent", () => {
    expect(childKind("org_goal")).toBe("team_goal");
    expect(childKind("team_goal")).toBe("strategy");
    expect(childKind("strategy")).toBe("initiative");
    expect(childKind("initiative"), "nothing supports an initiative").toBeNull();
    expect(childKind("resource")).toBeNull();
  });
});
