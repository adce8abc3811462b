import { screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { PosterTemplate } from "../../bindings/PosterTemplate";
import { renderScreen } from "../../test/render";
import { TemplatePicker } from "./TemplatePicker";

function Picker() {
  const [value, setValue] = useState<PosterTemplate>("table_tent");
  return (
    <>
      <button type="button">before</button>
      <TemplatePicker value={value} onChange={setValue} colour="#2f7d5b" />
    </>
  );
}

describe("the poster template picker", () => {
  it("is one stop for Tab, on the chosen template, and the arrow keys change the choice", async () => {
    const { user } = renderScreen(<Picker />);
    await user.click(screen.getByRole("button", { name: "before" }));
    await user.tab();
    const tent = screen.getByTestId("poster-template-table_tent");
    expect(tent).toHaveFocus();
    expect(tent).toHaveAttribute("aria-checked", "true");

    await user.keyboard("{ArrowRight}");
    const window = screen.getByTestId("poster-template-window");
    expect(window).toHaveFocus();
    expect(window).toHaveAttribute("aria-checked", "true");
    expect(tent).toHaveAttribute("aria-checked", "false");

    await user.keyboard("{ArrowLeft}{ArrowLeft}");
    expect(screen.getByTestId("poster-template-counter")).toHaveAttribute("aria-checked", "true");
    // From the first, left wraps round to the last.
    await user.keyboard("{ArrowLeft}");
    expect(screen.getByTestId("poster-template-stickers")).toHaveAttribute("aria-checked", "true");
    expect(screen.getAllByRole("radio").filter((r) => r.tabIndex === 0)).toHaveLength(1);
  });
});
