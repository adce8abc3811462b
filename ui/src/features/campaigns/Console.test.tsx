import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Console } from "../../bindings/Console";
import type { Recorded } from "../../bindings/Recorded";
import { fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { SpikeConsole } from "./SpikeConsole";

const session = { id: 11, day: "2026-11-23", starts_at: "2026-11-23T12:00:00+00:00", ends_at: "2026-11-23T12:30:00+00:00", sold: 0, left: 3 };

/** Monday's session of a 3-tin sale, as the core answers before anyone bought. */
function console(over: Partial<Console> = {}): Console {
  return {
    campaign_id: 5, name: "Flash sale: Tieguanyin", product: "Tieguanyin", unit: "tin", price_cents: 1990, quantity: 3, per_customer: 1,
    cancelled: false, session, sessions: [session], orders: [], left_post: "⚡ Tieguanyin at ¥19.90: only 3 tin left of 3!", sold_out_post: null, ...over,
  };
}

const amy = { id: 1, seq: null, buyer: "Amy 5521", quantity: 1, codes: ["ABCD-EFGH-JKMN-PQRS-TVWX"], collected: 0 };

describe("the flash-sale console", () => {
  it("records a typed buyer in order and shows what is left and their pickup code", async () => {
    const after = console({ session: { ...session, sold: 1, left: 2 }, sessions: [{ ...session, sold: 1, left: 2 }], orders: [amy], left_post: "⚡ only 2 tin left" });
    const backend = fakeBackend({}, {
      spike_console: () => console(),
      record_spike_buyers: (): Recorded => ({ added: [amy], turned_away: [], unreadable: [], already: 0, console: after }),
    });
    const { user } = renderScreen(<SpikeConsole id={5} />);
    expect(await screen.findByTestId("console-left")).toHaveTextContent("3 left");
    expect(screen.getByTestId("console-post")).toHaveTextContent("only 3 tin left of 3");
    expect(screen.getByText("No buyer yet: record the first reply in the group.")).toBeInTheDocument();

    // A quantity that is not a whole number is refused at the field; nothing is sent.
    await user.type(screen.getByTestId("console-buyer"), "Amy 5521");
    await user.clear(screen.getByTestId("console-quantity"));
    await user.type(screen.getByTestId("console-quantity"), "1.5");
    await user.click(screen.getByTestId("console-add"));
    expect(await screen.findByText("Enter a whole number")).toBeInTheDocument();
    expect(backend.called("record_spike_buyers")).toHaveLength(0);

    await user.clear(screen.getByTestId("console-quantity"));
    await user.type(screen.getByTestId("console-quantity"), "1{Enter}");
    await waitFor(() => expect(backend.called("record_spike_buyers")).toHaveLength(1));
    expect(backend.called("record_spike_buyers")[0].args).toEqual({ sessionId: 11, buyers: [{ buyer: "Amy 5521", quantity: 1 }] });
    expect(await screen.findByTestId("console-left")).toHaveTextContent("2 left");
    const row = screen.getByTestId("console-order-1");
    expect(within(row).getByTestId("console-order-buyer")).toHaveTextContent("Amy 5521");
    expect(within(row).getByTestId("console-order-code")).toHaveTextContent("ABCD-EFGH-JKMN-PQRS-TVWX");
    // Ready for the next reply.
    expect(screen.getByTestId("console-buyer")).toHaveValue("");
  });

  it("reads a pasted 接龙 and lists who was turned away and the lines it could not read", async () => {
    const soldOut = { ...session, sold: 3, left: 0 };
    const backend = fakeBackend({}, {
      spike_console: () => console(),
      record_spike_paste: (): Recorded => ({
        added: [amy],
        turned_away: [{ line: 6, buyer: "amy5521", reason: "Over the limit of 1 per person (amy5521 already has 1)" }],
        unreadable: [{ line: 7, text: "Bob wants two", reason: "Not a numbered line of the list" }],
        already: 2,
        console: console({ session: soldOut, sessions: [soldOut], orders: [amy], sold_out_post: "🎉 Sold out! All 3 tin" }),
      }),
    });
    const { user } = renderScreen(<SpikeConsole id={5} />);
    await user.click(await screen.findByTestId("console-tab-paste"));
    await user.click(screen.getByTestId("console-read"));
    expect(await screen.findByText("Paste the list from the group")).toBeInTheDocument();
    await user.type(screen.getByTestId("console-paste"), "#接龙{Enter}1. Amy 5521");
    await user.click(screen.getByTestId("console-read"));
    await waitFor(() => expect(backend.called("record_spike_paste")).toHaveLength(1));
    expect(backend.called("record_spike_paste")[0].args).toEqual({ sessionId: 11, text: "#接龙\n1. Amy 5521" });
    const result = await screen.findByTestId("console-result");
    expect(result).toHaveTextContent("1 buyer added. 2 lines were recorded before.");
    expect(within(result).getByTestId("console-turned-away")).toHaveTextContent("Line 6: amy5521: Over the limit of 1 per person");
    expect(within(result).getByTestId("console-unreadable")).toHaveTextContent("Line 7: Bob wants two — Not a numbered line of the list");
    expect(screen.getByTestId("console-post")).toHaveTextContent("🎉 Sold out! All 3 tin");
    expect(screen.getByTestId("console-left")).toHaveTextContent("0 left");
  });
});
