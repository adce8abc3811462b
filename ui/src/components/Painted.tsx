// Tells the backend, once per run, that the first screen is on the glass: it
// logs the start-up time (scripts/measure-startup.sh reads it). Rendered beside
// the first screen inside its Suspense boundary, so it mounts only once the
// screen's lazily loaded code has arrived and rendered.
import { useEffect } from "react";
import { ipc } from "../ipc";

let told = false;

export function Painted() {
  useEffect(() => {
    if (told) return;
    told = true;
    // The frame after this commit has been painted.
    requestAnimationFrame(() => setTimeout(() => void ipc.uiPainted().catch(() => {}), 0));
  }, []);
  return null;
}
