import { useId } from "react";
import { styleAt } from "./series-marker";

// Bars are told apart by fill pattern as well as colour: solid, stripes,
// dots, cross-hatch. The same pattern appears in the legend swatch.
function PatternBody({ index }: { index: number }) {
  const { color } = styleAt(index);
  switch (index % 4) {
    case 1:
      return (
        <>
          <rect width="8" height="8" fill={color} />
          <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" strokeWidth="2" />
        </>
      );
    case 2:
      return (
        <>
          <rect width="8" height="8" fill={color} />
          <circle cx="4" cy="4" r="1.7" fill="#fff" />
        </>
      );
    case 3:
      return (
        <>
          <rect width="8" height="8" fill="#fff" />
          <path d="M0,0 L8,8 M8,0 L0,8" stroke={color} strokeWidth="1.6" />
        </>
      );
    default:
      return <rect width="8" height="8" fill={color} />;
  }
}

/** A usable id for url(#…): React's ids contain characters SVG references dislike. */
export function usePatternPrefix(): string {
  return `pattern-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

export function patternFill(prefix: string, index: number): string {
  return `url(#${prefix}-${index})`;
}

export function BarPatternDefs({ prefix, count }: { prefix: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, index) => (
        <pattern key={index} id={`${prefix}-${index}`} width="8" height="8" patternUnits="userSpaceOnUse">
          <PatternBody index={index} />
        </pattern>
      ))}
    </defs>
  );
}

export function BarSwatch({ index }: { index: number }) {
  const prefix = usePatternPrefix();
  return (
    <svg width="16" height="16" aria-hidden="true" className="shrink-0">
      <BarPatternDefs prefix={prefix} count={index + 1} />
      <rect x="0.5" y="0.5" width="15" height="15" fill={patternFill(prefix, index)} stroke={styleAt(index).color} />
    </svg>
  );
}
