import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { channel, fakeBackend, groupQr, poster } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { ChannelsCard } from "../drainage/ChannelsCard";
import { PosterDesigner } from "./PosterDesigner";
import { PostersPage } from "./PostersPage";

const withCode = () => channel({ qr: groupQr() });

describe("the posters page", () => {
  it("shows each poster with its template, channel and whether it needs printing again", async () => {
    fakeBackend({ channels: [withCode()], posters: [poster({ id: 4, stale: "qr_replaced" }), poster({ id: 5, headline: "Window", template: "window" })] });
    const { user, go } = renderScreen(<PostersPage />);
    const card = await screen.findByTestId("poster-card-4");
    expect(card).toHaveTextContent("Join our tea friends");
    expect(card).toHaveTextContent("Counter standee · Morning Tea Friends · Counter");
    expect(within(card).getByTestId("poster-stale-tag")).toHaveTextContent("Reprint");
    expect(screen.getByTestId("poster-card-5")).toHaveTextContent("Window poster");
    expect(within(screen.getByTestId("poster-card-5")).queryByTestId("poster-stale-tag")).toBeNull();
    await user.click(card);
    expect(go).toHaveBeenCalledWith({ page: "poster", id: 4 });
  });

  it("asks for the channel of a new poster, preferring one that has a code", async () => {
    fakeBackend({ channels: [channel({ id: 6, name: "Window" }), withCode()] });
    const { user, go } = renderScreen(<PostersPage />, { lang: "zh-CN" });
    expect(await screen.findByText("还没有海报")).toBeInTheDocument();
    await user.click(screen.getAllByTestId("poster-new")[0]);
    await waitFor(() => expect(screen.getByTestId("new-poster-next")).toBeEnabled());
    await user.click(screen.getByTestId("new-poster-next"));
    expect(go).toHaveBeenCalledWith({ page: "poster", channelId: 7, communityId: 1 });
  });
});

describe("the poster designer", () => {
  it("previews a new poster, saves it, then saves it as a PDF and lists that in the history", async () => {
    const backend = fakeBackend({ channels: [withCode()] });
    const { user } = renderScreen(<PosterDesigner channelId={7} communityId={1} />);
    const headline = await screen.findByTestId("poster-headline");
    expect(headline).toHaveValue("Scan to join our group");
    expect(await screen.findByTestId("poster-preview-payload")).toHaveTextContent("https://weixin.qq.com/g/tea");
    expect(screen.getByTestId("poster-preview")).toHaveAttribute("src", expect.stringMatching(/^data:image\/png;base64,/));
    expect(screen.queryByTestId("poster-history")).toBeNull();

    await user.click(screen.getByTestId("poster-template-table_tent"));
    await user.clear(headline);
    await user.type(headline, "茶友会欢迎你");
    await user.type(screen.getByTestId("poster-gift"), "扫码进群送乌龙茶一杯");
    await waitFor(() => expect(backend.called("preview_poster").at(-1)?.args.input).toMatchObject({ headline: "茶友会欢迎你", gift: "扫码进群送乌龙茶一杯", template: "table_tent" }));
    await waitFor(() => expect(screen.getByTestId("poster-preview")).toHaveAttribute("data-current", "true"));

    await user.click(screen.getByTestId("poster-save"));
    await waitFor(() => expect(backend.called("create_poster")).toHaveLength(1));
    expect(backend.called("create_poster")[0].args).toMatchObject({
      channelId: 7,
      input: { template: "table_tent", headline: "茶友会欢迎你", gift: "扫码进群送乌龙茶一杯", subline: "A tea of the day", brand_color: "#2f7d5b" },
      logo: null,
    });
    expect(await screen.findByTestId("poster-title")).toHaveTextContent("茶友会欢迎你");
    expect(await screen.findByText("Nothing printed or saved yet.")).toBeInTheDocument();
    expect(screen.getByTestId("poster-save")).toBeDisabled();

    await user.click(screen.getByTestId("poster-export-pdf"));
    await waitFor(() => expect(backend.called("export_poster")).toHaveLength(1));
    const id = backend.state.posters[0].id;
    expect(backend.called("export_poster")[0].args).toEqual({ id, format: "pdf", dpi: 300 });
    const item = await screen.findByTestId("poster-history-item");
    expect(item).toHaveTextContent("Saved");
    expect(item).toHaveTextContent("PDF · 300 DPI");
    expect(backend.called("create_poster")).toHaveLength(1);
  });

  it("puts the backend's reason beside the box that broke the preview and dims it", async () => {
    fakeBackend({ channels: [withCode()] });
    const { user } = renderScreen(<PosterDesigner channelId={7} communityId={1} />);
    await screen.findByTestId("poster-preview");
    await user.clear(screen.getByTestId("poster-headline"));
    expect(await screen.findByTestId("poster-preview-error")).toHaveTextContent("Please write a headline");
    const box = () => screen.getByTestId("poster-headline").closest(".ant-form-item");
    await waitFor(() => expect(box()).toHaveClass("ant-form-item-has-error"));
    // The message follows the class a frame later (antd animates it in).
    expect(await within(box() as HTMLElement).findByText("Please write a headline")).toBeInTheDocument();
    await user.type(screen.getByTestId("poster-headline"), "Hello");
    await waitFor(() => expect(screen.queryByTestId("poster-preview-error")).toBeNull());
    await waitFor(() => expect(box()).not.toHaveClass("ant-form-item-has-error"));
  });

  it("says why a channel without a code cannot be previewed", async () => {
    fakeBackend({ channels: [channel()] });
    renderScreen(<PosterDesigner channelId={7} communityId={1} />);
    expect(await screen.findByTestId("poster-preview-error")).toHaveTextContent("This channel has no QR code yet");
  });

  it("warns that a saved poster carries an old code and saves changes before making a file", async () => {
    const backend = fakeBackend({ channels: [withCode()], posters: [poster({ id: 4, stale: "qr_replaced" })] });
    const { user } = renderScreen(<PosterDesigner posterId={4} />, { lang: "zh-CN" });
    expect(await screen.findByTestId("poster-stale")).toHaveTextContent("上次打印后渠道换了新码");
    const headline = screen.getByTestId("poster-headline");
    await user.clear(headline);
    await user.type(headline, "周五会员日");
    expect(await screen.findByText("有未保存的修改")).toBeInTheDocument();
    await user.click(screen.getByTestId("poster-print"));
    await waitFor(() => expect(backend.called("print_poster")).toHaveLength(1));
    const order = backend.calls.map((c) => c.cmd).filter((c) => c === "update_poster" || c === "print_poster");
    expect(order).toEqual(["update_poster", "print_poster"]);
    expect(backend.called("update_poster")[0].args).toMatchObject({ id: 4, input: { headline: "周五会员日" }, logo: null, removeLogo: false });
    await waitFor(() => expect(screen.queryByTestId("poster-stale")).toBeNull());
    expect(await screen.findByTestId("poster-history-item")).toHaveTextContent("已打印");
  });

  it("sends a picked logo with the preview and the save, and can remove it again", async () => {
    const backend = fakeBackend({ channels: [withCode()], posters: [poster({ id: 4, has_logo: true })] });
    const { user } = renderScreen(<PosterDesigner posterId={4} />);
    expect(await screen.findByTestId("poster-logo-state")).toHaveTextContent("Current logo");
    await user.click(screen.getByTestId("poster-logo-remove"));
    expect(screen.getByTestId("poster-logo-state")).toHaveTextContent("No logo");
    await waitFor(() => expect(backend.called("preview_poster").at(-1)?.args).toMatchObject({ removeLogo: true, logo: null }));
    await user.upload(screen.getByTestId("poster-logo-file"), new File([new Uint8Array([137, 80, 78, 71])], "leaf.png", { type: "image/png" }));
    expect(await screen.findByText("New logo: leaf.png")).toBeInTheDocument();
    await waitFor(() => expect(backend.called("preview_poster").at(-1)?.args).toMatchObject({ logo: "iVBORw==", removeLogo: false }));
    await user.click(screen.getByTestId("poster-save"));
    await waitFor(() => expect(backend.called("update_poster")[0]?.args).toMatchObject({ id: 4, logo: "iVBORw==", removeLogo: false }));
    expect(await screen.findByTestId("poster-logo-state")).toHaveTextContent("Current logo");
  });
});

describe("posters on a community's channels", () => {
  it("offers a poster only once the channel has a code, and counts the channel's posters", async () => {
    fakeBackend({ channels: [channel({ id: 6, name: "Window" }), withCode()], posters: [poster({ id: 4 }), poster({ id: 5 })] });
    const { user, go } = renderScreen(<ChannelsCard communityId={1} archived={false} />);
    expect(await screen.findByTestId("channel-make-poster-6")).toBeDisabled();
    expect(await screen.findByTestId("channel-posters-7")).toHaveTextContent("2 posters");
    expect(screen.queryByTestId("channel-posters-6")).toBeNull();
    await user.click(screen.getByTestId("channel-make-poster-7"));
    expect(go).toHaveBeenCalledWith({ page: "poster", channelId: 7, communityId: 1 });
  });

  it("shows the new code in an open designer once it is imported", async () => {
    fakeBackend({ channels: [withCode()], posters: [poster({ id: 4 })] });
    const { user } = renderScreen(
      <>
        <ChannelsCard communityId={1} archived={false} />
        <PosterDesigner posterId={4} />
      </>,
    );
    expect(await screen.findByTestId("poster-preview-payload")).toHaveTextContent("https://weixin.qq.com/g/tea");
    await user.upload(screen.getByTestId("qr-file-7"), new File([new Uint8Array([1, 2, 3])], "new.png", { type: "image/png" }));
    await waitFor(() => expect(screen.getByTestId("poster-preview-payload")).toHaveTextContent("decoded:4"));
  });

  it("lists the poster files made again with a new code, and those that could not be", async () => {
    fakeBackend({ channels: [withCode()] }, {
      import_qr: () => ({
        qr: groupQr({ id: 31, payload: "https://weixin.qq.com/g/renewed" }),
        rerendered: [
          { poster_id: 4, headline: "早茶会员群", path: "/home/me/早茶会员群.pdf", error: null },
          { poster_id: 5, headline: "Window", path: "/media/usb/Window.png", error: "the folder is gone" },
        ],
      }),
    });
    const { user } = renderScreen(<ChannelsCard communityId={1} archived={false} />);
    await user.upload(await screen.findByTestId("qr-file-7"), new File([new Uint8Array([1])], "new.png", { type: "image/png" }));
    const notice = await screen.findByTestId("rerendered-notice");
    expect(notice).toHaveTextContent("/home/me/早茶会员群.pdf");
    expect(notice).toHaveTextContent("/media/usb/Window.png — could not be made again: the folder is gone");
  });
});
