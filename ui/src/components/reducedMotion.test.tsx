import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { useReducedMotion } from "./reducedMotion";

const original = window.matchMedia;
afterEach(() => {
  window.matchMedia = original;
});

function Probe() {
  return <span data-testid="still">{String(useReducedMotion())}</span>;
}

describe("the system's reduce-motion setting", () => {
  it("is followed as it changes", () => {
    let reduce = true;
    const listeners = new Set<() => void>();
    window.matchMedia = ((query: string) => ({
      matches: query === "(prefers-reduced-motion: reduce)" && reduce,
      media: query,
      addEventListener: (_: string, f: () => void) => listeners.add(f),
      removeEventListener: (_: string, f: () => void) => listeners.delete(f),
    })) as unknown as typeof window.matchMedia;
    render(<Probe />);
    expect(screen.getByTestId("still")).toHaveTextContent("true");
    reduce = false;
    act(() => listeners.forEach((f) => f()));
    expect(screen.getByTestId("still")).toHaveTextContent("false");
  });
});
