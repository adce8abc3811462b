// Marks the first screen as on the glass, once per run: it takes away the
// frame's outline that index.html painted before any script ran, and tells the
// backend, which logs the start-up times (scripts/measure-startup.sh reads
// them). Rendered beside the first screen inside its Suspense boundary, so it
// mounts only once the screen's lazily loaded code has arrived and rendered.
import { useEffect } from "react";
import { ipc } from "../ipc";

let told = false;

export function Painted() {
  useEffect(() => {
    if (told) return;
    told = true;
    // The first screen is in the DOM now, so the outline goes in the same frame.
    document.getElementById("boot")?.remove();
    // The frame after this commit has been painted.
    requestAnimationFrame(() => setTimeout(() => void ipc.uiPainted(firstPaintAgo()).catch(() => {}), 0));
  }, []);
  return null;
}

/** How many milliseconds ago the window first painted anything (the outline), by
 *  the page's own clock; null where the engine keeps no paint timing. */
function firstPaintAgo(): number | null {
  const paint = performance.getEntriesByName("first-contentful-paint")[0] ?? performance.getEntriesByName("first-paint")[0];
  return paint ? Math.max(0, Math.round(performance.now() - paint.startTime)) : null;
}
