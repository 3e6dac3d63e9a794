//! Inline SVG icons (bundled, no icon font or CDN): severities, resource types, kinds and tools.
import type { ReactNode } from "react";
import type { NodeKind } from "../bindings/NodeKind";
import type { ResourceType } from "../bindings/ResourceType";
import type { Severity } from "../bindings/Severity";
import { KIND_STYLE, SHAPE_POINTS } from "./kinds";
import { SEVERITY_STYLE } from "./severity";

type IconProps = { size?: number; color?: string; title?: string };

function Svg({ size = 16, color = "currentColor", title, children }: IconProps & { children: ReactNode }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke={color} strokeWidth={1.6}
      strokeLinecap="round" strokeLinejoin="round" role={title ? "img" : undefined}
      aria-hidden={title ? undefined : true} aria-label={title} className="icon">
      {title ? <title>{title}</title> : null}
      {children}
    </svg>
  );
}

export function SeverityIcon({ severity, size, title }: { severity: Severity; size?: number; title?: string }) {
  const color = SEVERITY_STYLE[severity].color;
  const label = title ?? SEVERITY_STYLE[severity].label;
  if (severity === "error")
    return (
      <Svg size={size} color={color} title={label}>
        <polygon points="5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5" fill={color} stroke={color} />
        <path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8" stroke="#fff" />
      </Svg>
    );
  if (severity === "warning")
    return (
      <Svg size={size} color={color} title={label}>
        <path d="M8 1.5L15 14H1z" fill={color} stroke={color} />
        <path d="M8 6v3.8M8 12v.1" stroke="#fff" strokeWidth={1.9} />
      </Svg>
    );
  return (
    <Svg size={size} color={color} title={label}>
      <circle cx="8" cy="8" r="7" fill={color} stroke={color} />
      <path d="M8 7.2v4.3M8 4.6v.1" stroke="#fff" strokeWidth={1.9} />
    </Svg>
  );
}

export function ResourceIcon({ type, size, color }: { type: ResourceType | undefined; size?: number; color?: string }) {
  switch (type) {
    case "funding":
      return (
        <Svg size={size} color={color} title="Funding">
          <circle cx="8" cy="8" r="6.5" />
          <path d="M10 5.6c-.4-.6-1.1-.9-2-.9-1.2 0-2 .6-2 1.5 0 2.1 4.1 1.1 4.1 3.3 0 .9-.9 1.6-2.1 1.6-1 0-1.8-.4-2.2-1M8 3.4v1.3M8 11.3v1.3" />
        </Svg>
      );
    case "tool":
      return (
        <Svg size={size} color={color} title="Tool">
          <path d="M10.2 2.2a3.4 3.4 0 0 0-3.9 4.5L2 11a1.4 1.4 0 0 0 2 2l4.3-4.3a3.4 3.4 0 0 0 4.5-3.9l-2 2-1.9-.4-.4-1.9z" />
        </Svg>
      );
    case "skill":
      return (
        <Svg size={size} color={color} title="Knowledge & skills">
          <path d="M1 6l7-3.5L15 6 8 9.5z" />
          <path d="M4 7.6v3.2c1.2 1.4 6.8 1.4 8 0V7.6M15 6v4" />
        </Svg>
      );
    case "time":
      return (
        <Svg size={size} color={color} title="Time">
          <circle cx="8" cy="8" r="6.5" />
          <path d="M8 4.2V8l2.6 1.6" />
        </Svg>
      );
    default:
      return <Svg size={size} color={color}><circle cx="8" cy="8" r="5" /></Svg>;
  }
}

/** The kind's shape as a small glyph, for chips and legends. */
export function KindGlyph({ kind, size = 12 }: { kind: NodeKind; size?: number }) {
  const { color, shape } = KIND_STYLE[kind];
  const points = SHAPE_POINTS[shape];
  return (
    <svg width={size * 1.4} height={size} viewBox="0 0 100 72" aria-hidden className="kind-glyph">
      {points ? (
        <polygon points={points} transform="scale(1,0.72)" fill={color} />
      ) : (
        <rect x="0" y="0" width="100" height="72" rx={shape === "pill" ? 36 : 10} fill={color} />
      )}
    </svg>
  );
}

const paths: Record<string, ReactNode> = {
  map: <><circle cx="8" cy="3" r="1.8" /><circle cx="3.5" cy="12.5" r="1.8" /><circle cx="12.5" cy="12.5" r="1.8" /><path d="M7 4.6L4.4 11M9 4.6l2.6 6.4" /></>,
  outline: <path d="M2 3h12M5 8h9M8 13h6M2 3v0M5 8v0" />,
  findings: <><path d="M8 1.5L15 14H1z" /><path d="M8 6v3.5M8 11.8v.1" /></>,
  resources: <><path d="M2 14V9M6 14V5M10 14V7M14 14V2" /></>,
  teams: <><circle cx="5.5" cy="5" r="2.3" /><circle cx="11.5" cy="6" r="1.8" /><path d="M1.5 14c.3-3 2-4.5 4-4.5s3.7 1.5 4 4.5M10 10c2.3-.6 4 .8 4.5 3.5" /></>,
  undo: <path d="M5.5 3L2 6.5 5.5 10M2 6.5h8a4 4 0 0 1 0 8H7" />,
  redo: <path d="M10.5 3L14 6.5 10.5 10M14 6.5H6a4 4 0 0 0 0 8h3" />,
  search: <><circle cx="7" cy="7" r="4.5" /><path d="M10.5 10.5L14 14" /></>,
  filter: <path d="M2 3h12l-4.5 5.5V13l-3 1.5v-6z" />,
  export: <><path d="M8 10V2M4.8 5.2L8 2l3.2 3.2" /><path d="M2.5 9.5v4h11v-4" /></>,
  file: <><path d="M3 1.5h6.5L13 5v9.5H3z" /><path d="M9.5 1.5V5H13" /></>,
  plus: <path d="M8 2.5v11M2.5 8h11" />,
  minus: <path d="M2.5 8h11" />,
  close: <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" />,
  check: <path d="M2.5 8.5l3.5 3.5 7.5-8" />,
  trash: <><path d="M2.5 4h11M6 4V2.5h4V4M4 4l.8 10h6.4L12 4" /></>,
  fit: <><path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" /></>,
  link: <><path d="M6.5 9.5l3-3" /><path d="M7 4.5l1.3-1.3a2.8 2.8 0 0 1 4 4L11 8.5M9 11.5l-1.3 1.3a2.8 2.8 0 0 1-4-4L5 7.5" /></>,
  chevronDown: <path d="M4 6l4 4 4-4" />,
  chevronRight: <path d="M6 4l4 4-4 4" />,
  chevronLeft: <path d="M10 4l-4 4 4 4" />,
  calendar: <><rect x="2" y="3" width="12" height="11" rx="1.5" /><path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" /></>,
  share: <><circle cx="12" cy="3.5" r="1.8" /><circle cx="4" cy="8" r="1.8" /><circle cx="12" cy="12.5" r="1.8" /><path d="M5.6 7.1l4.8-2.7M5.6 8.9l4.8 2.7" /></>,
  compare: <><path d="M2 5h10M9 2l3 3-3 3" /><path d="M14 11H4M7 8l-3 3 3 3" /></>,
  scenario: <><circle cx="4" cy="3" r="1.5" /><circle cx="4" cy="13" r="1.5" /><circle cx="12" cy="6" r="1.5" /><path d="M4 4.5v7M12 7.5c0 3-8 2-8 4" /></>,
  layout: <><rect x="2" y="2" width="5" height="4" /><rect x="9" y="10" width="5" height="4" /><path d="M4.5 6v3.5h7V10" /></>,
  briefing: <><rect x="1.5" y="2" width="13" height="9" rx="1" /><path d="M8 11v3M5 14.5h6M5 8.5l2-2.5 2 1.5 2.5-3" /></>,
  roadmap: <><path d="M2 2v12M2 14h12" /><path d="M4.5 4.5h5M6.5 8h6M4.5 11.5h4" /></>,
};

export type IconName = keyof typeof paths;

export function Icon({ name, size, color, title }: IconProps & { name: IconName }) {
  return <Svg size={size} color={color} title={title}>{paths[name]}</Svg>;
}
