import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import App from "../App";
import { fakeBackend } from "../test/backend";

describe("the start-up outline", () => {
  it("is taken away once the first screen is on the glass, and the start-up is reported once", async () => {
    // What index.html paints before any script runs.
    const outline = document.createElement("div");
    outline.id = "boot";
    document.body.append(outline);
    const backend = fakeBackend();
    backend.state.info = { ...backend.state.info, shop: null, system_language: "en" };
    render(<App />);

    expect(await screen.findByTestId("welcome-shop-name")).toBeInTheDocument();
    expect(document.getElementById("boot")).toBeNull();
    await waitFor(() => expect(backend.called("ui_painted")).toHaveLength(1));
    const reported = backend.called("ui_painted")[0].args.firstPaintAgoMs;
    expect(reported === null || (typeof reported === "number" && reported >= 0)).toBe(true);
  });
});
