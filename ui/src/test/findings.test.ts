import { describe, expect, it } from "vitest";
import type { Finding } from "../bindings/Finding";
import { acceptEdit, acceptedCounts, takeBackEdit } from "../model/acceptances";
import { EMPTY_FILTER, findingMatches } from "../model/filter";
import { findingRows, ruleKey, teamKey, type FindingRow } from "../model/findingGroups";
import { buildIndex } from "../model/planIndex";
import { RULE_ORDER } from "../model/rules";
import { isOrphan, traceSummary } from "../model/teams";
import { FINDINGS, PLAN, SAMPLE } from "./fixtures";

const index = buildIndex(PLAN, FINDINGS);
const teamOf = (node: string) => index.nodes.get(node)?.team ?? "";
const rows = (findings: Finding[], collapsed: string[] = [], teamGroupsFrom = 2) =>
  findingRows(findings, { ruleOrder: RULE_ORDER, teamOf, collapsed: (key) => collapsed.includes(key), teamGroupsFrom });
const describeRow = (row: FindingRow) =>
  row.type === "rule" ? `${row.rule} (${row.count})` : row.type === "team" ? `  ${row.team || "No team"} (${row.count})` : `    ${row.finding.node}`;

describe("findings grouped by rule, then team", () => {
  it("heads each rule in the rule book's order, with its findings under it", () => {
    expect(rows(FINDINGS).map(describeRow)).toEqual([
      "orphan (1)",
      "    I2",
      "unresourced_initiative (1)",
      "    I2",
      "missing_why (1)",
      "    S1",
      "capability_gap (2)",
      "  Security (1)",
      "    S2",
      "  Service Desk (1)",
      "    S1",
      "single_point_of_failure (2)",
      "    R1",
      "    R2",
    ]);
  });
  it("lists a rule's few findings without team headings, each row naming its team", () => {
    expect(rows(FINDINGS, [], 3).filter((row) => row.type === "team"), "two gaps are too few for headings").toEqual([]);
  });
  it("heads teams only where a rule's findings span more than one, teams by name and no team last", () => {
    const mixed: Finding[] = [
      { ...FINDINGS[0], rule: "orphan", node: "R1" },
      { ...FINDINGS[0], rule: "orphan", node: "S1" },
      { ...FINDINGS[0], rule: "orphan", node: "I2" },
    ];
    expect(rows(mixed).map(describeRow)).toEqual([
      "orphan (3)",
      "  Security (1)",
      "    I2",
      "  Service Desk (1)",
      "    S1",
      "  No team (1)",
      "    R1",
    ]);
  });
  it("hides a collapsed rule's teams and findings, and a collapsed team's findings, keeping their counts", () => {
    const shown = rows(FINDINGS, [ruleKey("single_point_of_failure"), teamKey("capability_gap", "Security")]);
    expect(shown.map(describeRow)).toEqual([
      "orphan (1)",
      "    I2",
      "unresourced_initiative (1)",
      "    I2",
      "missing_why (1)",
      "    S1",
      "capability_gap (2)",
      "  Security (1)",
      "  Service Desk (1)",
      "    S1",
      "single_point_of_failure (2)",
    ]);
    const collapsedRule = shown.find((row) => row.type === "rule" && row.rule === "single_point_of_failure");
    expect(collapsedRule, "a collapsed rule says it is collapsed").toMatchObject({ collapsed: true, count: 2 });
  });
  it("counts the accepted findings of each group as the core marked them", () => {
    const sample = SAMPLE.states[SAMPLE.start].analysis.findings;
    const sampleIndex = buildIndex(SAMPLE.states[SAMPLE.start].plan, sample);
    const grouped = findingRows(sample, {
      ruleOrder: RULE_ORDER,
      teamOf: (node) => sampleIndex.nodes.get(node)?.team ?? "",
      collapsed: () => false,
    });
    const spof = grouped.find((row) => row.type === "rule" && row.rule === "single_point_of_failure");
    expect(spof, "the sample accepts one single point of failure").toMatchObject({ accepted: 1 });
    expect(acceptedCounts(sample), "one accepted info, nothing else").toEqual({ error: 0, warning: 0, info: 1 });
  });
});

describe("findings under the search and filters", () => {
  const shown = (filter: Partial<typeof EMPTY_FILTER>) =>
    FINDINGS.filter((f) => findingMatches(f, { ...EMPTY_FILTER, ...filter }, index)).map((f) => `${f.rule}:${f.node}`);
  it("keeps the findings whose node matches the text, kind and team", () => {
    expect(shown({ text: "priya" }), "Priya owns S1 and TG1; only S1 has findings").toEqual(["missing_why:S1", "capability_gap:S1"]);
    expect(shown({ team: "Security", kind: "initiative" })).toEqual(["orphan:I2", "unresourced_initiative:I2"]);
  });
  it("filters by the finding's own severity, and 'no findings' keeps none", () => {
    expect(shown({ severity: "warning" })).toEqual(["unresourced_initiative:I2", "missing_why:S1"]);
    expect(shown({ severity: "none" })).toEqual([]);
  });
});

describe("accepting a finding as the edit the core judges", () => {
  const orphan = FINDINGS[0];
  it("adds the acceptance with its reason and date, trimmed, keeping the others", () => {
    const kept = { rule: "idle_resource" as const, node: "R2", reason: "Kept on purpose" };
    expect(acceptEdit([kept], orphan, "  Funded next year ", " 2027-06-30 ")).toEqual({
      op: "set_acceptances",
      accepted: [kept, { rule: "orphan", node: "I2", reason: "Funded next year", until: "2027-06-30" }],
    });
  });
  it("leaves the date out when none is given, and replaces an earlier acceptance of the same finding", () => {
    const earlier = { rule: "orphan" as const, node: "I2", reason: "old", until: "2026-01-01" };
    expect(acceptEdit([earlier], orphan, "new", "")).toEqual({
      op: "set_acceptances",
      accepted: [{ rule: "orphan", node: "I2", reason: "new" }],
    });
  });
  it("takes back only the acceptance of that rule and node", () => {
    const list = [
      { rule: "orphan" as const, node: "I2", reason: "a" },
      { rule: "orphan" as const, node: "S1", reason: "b" },
      { rule: "missing_why" as const, node: "I2", reason: "c" },
    ];
    expect(takeBackEdit(list, orphan)).toEqual({ op: "set_acceptances", accepted: [list[1], list[2]] });
  });
});

describe("a team's summary line", () => {
  const work = (id: string, kind: "initiative" | "strategy", status: "active" | "dropped" = "active") =>
    ({ id, kind, title: id, status }) as const;
  it("counts the work that traces up, by kind, leaving dropped work out", () => {
    const orphans = new Set(["I2", "I3"]);
    const items = [work("I1", "initiative"), work("I2", "initiative"), work("I3", "initiative"), work("I4", "initiative", "dropped"), work("S1", "strategy")];
    expect(traceSummary(items, (id) => orphans.has(id))).toBe(
      "1 of 3 initiatives and 1 of 1 strategy trace up to an organizational goal.",
    );
  });
  it("reads as one sentence for a single piece of work, and says when there is none", () => {
    expect(traceSummary([work("S1", "strategy")], () => false)).toBe("1 of 1 strategy traces up to an organizational goal.");
    expect(traceSummary([], () => false)).toBe("No strategy or initiative yet.");
  });
  it("takes the core's orphan finding as the judge", () => {
    expect(isOrphan(FINDINGS.filter((f) => f.node === "I2")), "I2 is an orphan in the small plan").toBe(true);
    expect(isOrphan(FINDINGS.filter((f) => f.node === "S1"))).toBe(false);
  });
});
