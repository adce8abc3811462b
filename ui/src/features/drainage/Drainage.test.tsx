import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Channel } from "../../bindings/Channel";
import { fakeBackend, T0 } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { CommunitiesPage } from "../communities/CommunitiesPage";
import { ChannelsCard } from "./ChannelsCard";

const counter: Channel = { id: 7, community_id: 1, kind: "counter", name: "Counter", qr: null, archived_at: null, created_at: T0 };

describe("drainage channels", () => {
  it("adds a channel named after its kind when no name is typed", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<ChannelsCard communityId={1} archived={false} />);
    await user.click(await screen.findByTestId("channel-add"));
    await waitFor(() => expect(backend.called("create_channel")).toHaveLength(1));
    expect(backend.called("create_channel")[0].args).toEqual({ communityId: 1, input: { kind: "counter", name: "Counter" } });
    expect(await screen.findByText("No QR code yet")).toBeInTheDocument();
  });

  it("shows on each channel who joined through it, who bought within 30 days, and the gift cost per buyer", async () => {
    fakeBackend({ channels: [{ ...counter }, { ...counter, id: 8, name: "Window" }] }, {
      channel_figures: () => [
        { channel_id: 7, name: "Counter", kind: "counter", community_id: 1, community_name: "Tea", joins: 12, buyers: 5, first_purchase_percent: 42, sales_cents: 38600, gift_cost_cents: 1600, cost_per_buyer_cents: 320 },
        { channel_id: 8, name: "Window", kind: "counter", community_id: 1, community_name: "Tea", joins: 0, buyers: 0, first_purchase_percent: null, sales_cents: 0, gift_cost_cents: 0, cost_per_buyer_cents: null },
      ],
    });
    renderScreen(<ChannelsCard communityId={1} archived={false} />);
    expect(await screen.findByTestId("channel-figures-7")).toHaveTextContent("12 joined · 5 bought within 30 days (42 %) · ¥386.00 · gift cost per buyer ¥3.20");
    expect(screen.getByTestId("channel-figures-8")).toHaveTextContent("No member has joined through it yet.");
  });

  it("sends a picked screenshot as base64 and shows the decoded code with its expiry", async () => {
    const backend = fakeBackend({ channels: [{ ...counter }] });
    const { user } = renderScreen(<ChannelsCard communityId={1} archived={false} />);
    const file = new File([new Uint8Array([137, 80, 78, 71])], "qr.png", { type: "image/png" });
    await user.upload(await screen.findByTestId("qr-file-7"), file);
    await waitFor(() => expect(backend.called("import_qr")).toHaveLength(1));
    expect(backend.called("import_qr")[0].args).toMatchObject({ channelId: 7, kind: "group_qr", image: "iVBORw==" });
    expect(await screen.findByTestId("qr-payload")).toHaveTextContent("decoded:8");
    expect(screen.getByText(/^Expires 2099-01-0/)).toBeInTheDocument();
  });

  it("shows the backend's message when the image holds no QR code", async () => {
    fakeBackend({ channels: [{ ...counter }] }, {
      import_qr: () => {
        throw { code: "no_qr_found", message: "这张图片里没有找到二维码", field: null };
      },
    });
    const { user } = renderScreen(<ChannelsCard communityId={1} archived={false} />);
    await user.upload(await screen.findByTestId("qr-file-7"), new File(["x"], "cat.jpg", { type: "image/jpeg" }));
    expect(await screen.findByText("这张图片里没有找到二维码")).toBeInTheDocument();
  });

  it("the home screen lists expired group codes with their community, channel and posters", async () => {
    fakeBackend({
      expiring: [{
        qr: { id: 3, channel_id: 7, kind: "group_qr", payload: "g", staff_id: null, has_image: true, made_at: T0, expires_at: "2025-01-08T00:00:00Z", created_at: T0 },
        channel_name: "Counter", community_id: 1, community_name: "Morning Tea Friends", expired: true,
        posters: [{ id: 4, headline: "扫码进群", template: "counter" }],
      }],
    });
    const { user, go } = renderScreen(<CommunitiesPage />, { lang: "zh-CN" });
    const watch = await screen.findByTestId("expiry-watch");
    expect(watch).toHaveTextContent("有 1 个群二维码已过期");
    expect(watch).toHaveTextContent("Morning Tea Friends · Counter");
    expect(watch).toHaveTextContent("已于 2025-01-08");
    await user.click(screen.getByTestId("expiry-poster-4"));
    expect(go).toHaveBeenCalledWith({ page: "poster", id: 4 });
    expect(screen.getByTestId("expiry-poster-4")).toHaveTextContent("收银台立牌 · 扫码进群");
  });
});
