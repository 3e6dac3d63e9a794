//! One colour, one shape and one label per node kind, used by the map, outline, inspector and chips.
import type { NodeKind } from "../bindings/NodeKind";
import type { ResourceType } from "../bindings/ResourceType";
import type { Status } from "../bindings/Status";

export type Shape = "hexagon" | "pill" | "parallelogram" | "rect" | "cut";

export type KindStyle = { label: string; plural: string; color: string; tint: string; shape: Shape };

export const KIND_STYLE: Record<NodeKind, KindStyle> = {
  org_goal: { label: "Org goal", plural: "Organizational goals", color: "#5b3cc4", tint: "#efeafd", shape: "hexagon" },
  team_goal: { label: "Team goal", plural: "Team goals", color: "#0e7c86", tint: "#e3f4f5", shape: "pill" },
  strategy: { label: "Strategy", plural: "Strategies", color: "#b4306e", tint: "#fbe9f1", shape: "parallelogram" },
  initiative: { label: "Initiative", plural: "Initiatives", color: "#2f7d32", tint: "#e8f4e8", shape: "rect" },
  resource: { label: "Resource", plural: "Resources", color: "#6b5a48", tint: "#f3efe9", shape: "cut" },
};

/** Polygon points in a 100x100 box for the shapes drawn with SVG (the others are CSS radii). */
export const SHAPE_POINTS: Partial<Record<Shape, string>> = {
  hexagon: "6,0 94,0 100,50 94,100 6,100 0,50",
  parallelogram: "5,0 100,0 95,100 0,100",
  cut: "5,0 95,0 100,12 100,88 95,100 5,100 0,88 0,12",
};

export const RESOURCE_TYPE_LABEL: Record<ResourceType, string> = {
  funding: "Funding",
  tool: "Tools",
  skill: "Knowledge & skills",
  time: "Time",
};

export const RESOURCE_TYPES: ResourceType[] = ["funding", "tool", "skill", "time"];

export const STATUS_LABEL: Record<Status, string> = {
  proposed: "Proposed",
  active: "Active",
  done: "Done",
  dropped: "Dropped",
};

export const STATUSES: Status[] = ["proposed", "active", "done", "dropped"];
