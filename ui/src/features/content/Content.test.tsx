import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { community, fakeBackend } from "../../test/backend";
import { contentItem } from "../../test/backend-schedules";
import { renderScreen } from "../../test/render";
import { ContentPage } from "./ContentPage";

// Tuesday 24 November 2026, 10:00 in Shanghai: the week runs 23–29 November.
const NOW = new Date("2026-11-24T02:00:00Z");

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

function twoDays() {
  return [
    contentItem({ id: 5, day: "2026-11-23", time: "09:30", topic: "Tea of the day", body: "Today we brew osmanthus oolong.\nCome and taste it." }),
    contentItem({ id: 6, day: "2026-11-26", time: "20:00", topic: "Thursday quiz", body: "" }),
    contentItem({ id: 7, day: "2026-11-26", time: "12:00", topic: "Lunch special", body: "Half price pot", posted: true, posted_at: "2026-11-21T06:30:00Z" }),
  ];
}

const empties = () => screen.queryAllByTestId(/^content-add-\d{4}-\d{2}-\d{2}$/);

describe("the content calendar", () => {
  it("shows the week with its gaps: 2 days with topics, 5 empty days with Add buttons and the count", async () => {
    const backend = fakeBackend({ communities: [community({ id: 1 })], rhythm: { content: twoDays() } });
    renderScreen(<ContentPage communityId={1} day="2026-11-25" />);

    expect(await screen.findByTestId("content-summary")).toHaveTextContent("2 of 7 days have a topic · 5 empty");
    expect(backend.called("list_content")[0].args).toEqual({ from: "2026-11-23", to: "2026-11-29", communityId: 1 });
    expect(screen.getByTestId("content-week-title")).toHaveTextContent("23 – 29 Nov 2026");
    expect(empties().map((b) => b.getAttribute("data-testid"))).toEqual(
      ["2026-11-24", "2026-11-25", "2026-11-27", "2026-11-28", "2026-11-29"].map((d) => `content-add-${d}`),
    );
    for (const d of ["2026-11-24", "2026-11-25", "2026-11-27", "2026-11-28", "2026-11-29"]) {
      const day = screen.getByTestId(`content-day-${d}`);
      expect(day).toHaveClass("sc-day--empty");
      expect(day).toHaveTextContent("No topic yet");
    }
    // The day asked for is highlighted; today is marked.
    expect(screen.getByTestId("content-day-2026-11-25")).toHaveClass("sc-day--focus");
    expect(screen.getByTestId("content-day-2026-11-24")).toHaveTextContent("Today");

    const monday = screen.getByTestId("content-day-2026-11-23");
    expect(monday).not.toHaveClass("sc-day--empty");
    const tea = within(monday).getByTestId("content-item-5");
    expect(tea).toHaveTextContent("09:30");
    expect(tea).toHaveTextContent("Tea of the day");
    expect(tea).toHaveTextContent("Today we brew osmanthus oolong.");
    // Past and not posted: overdue. Posted ones and ones still ahead are not.
    expect(within(tea).getByTestId("content-overdue-5")).toHaveTextContent("Overdue");
    const thursday = screen.getByTestId("content-day-2026-11-26");
    expect(within(thursday).getAllByTestId(/^content-item-/).map((e) => e.getAttribute("data-testid"))).toEqual(["content-item-7", "content-item-6"]);
    expect(screen.queryByTestId("content-overdue-6")).toBeNull();
    expect(screen.queryByTestId("content-overdue-7")).toBeNull();
    expect(screen.getByTestId("content-posted-7")).toBeChecked();
    expect(screen.getByTestId("content-copy-6")).toBeDisabled();
  });

  it("moves a week back and forth, and back to this week", async () => {
    const backend = fakeBackend({ rhythm: { content: twoDays() } });
    const { user } = renderScreen(<ContentPage />);
    expect(await screen.findByTestId("content-summary")).toHaveTextContent("2 of 7 days have a topic");
    expect(backend.called("list_content")[0].args).toEqual({ from: "2026-11-23", to: "2026-11-29", communityId: 1 });
    expect(screen.getByTestId("content-day-2026-11-24")).toHaveClass("sc-day--focus");

    await user.click(screen.getByTestId("content-next"));
    expect(await screen.findByTestId("content-day-2026-12-06")).toBeInTheDocument();
    expect(screen.getByTestId("content-week-title")).toHaveTextContent("30 Nov – 6 Dec 2026");
    await waitFor(() => expect(screen.getByTestId("content-summary")).toHaveTextContent("0 of 7 days have a topic · 7 empty"));
    expect(empties()).toHaveLength(7);
    expect(screen.getByTestId("content-empty-week")).toHaveTextContent("Nothing planned this week yet");

    await user.click(screen.getByTestId("content-prev"));
    await user.click(screen.getByTestId("content-prev"));
    expect(await screen.findByTestId("content-day-2026-11-16")).toBeInTheDocument();
    expect(backend.called("list_content").map((c) => c.args.from)).toContain("2026-11-16");
    await user.click(screen.getByTestId("content-today"));
    expect(await screen.findByTestId("content-day-2026-11-24")).toHaveClass("sc-day--focus");
  });

  it("adds a topic on the day clicked, sending exactly what was typed", async () => {
    const backend = fakeBackend({ rhythm: { content: twoDays() } });
    const { user } = renderScreen(<ContentPage communityId={1} day="2026-11-25" />);
    await user.click(await screen.findByTestId("content-add-2026-11-27"));
    expect(await screen.findByTestId("content-form")).toBeInTheDocument();
    expect(screen.getByTestId("content-time")).toHaveValue("10:00");
    expect(screen.getByTestId("content-day")).toHaveValue("2026-11-27");
    await user.clear(screen.getByTestId("content-time"));
    await user.type(screen.getByTestId("content-time"), "19:30");
    await user.type(screen.getByTestId("content-topic"), "Friday tasting");
    await user.type(screen.getByTestId("content-body"), "Free cups of Longjing from 7 pm.");
    await user.click(screen.getByTestId("content-save"));

    await waitFor(() => expect(backend.called("create_content")).toHaveLength(1));
    expect(backend.called("create_content")[0].args.input).toEqual({
      community_id: 1,
      day: "2026-11-27",
      time: "19:30",
      topic: "Friday tasting",
      body: "Free cups of Longjing from 7 pm.",
    });
    expect(backend.called("create_content")[0].args.image).toBeNull();
    const friday = screen.getByTestId("content-day-2026-11-27");
    await waitFor(() => expect(friday).toHaveTextContent("Friday tasting"));
    expect(friday).not.toHaveClass("sc-day--empty");
    expect(screen.getByTestId("content-summary")).toHaveTextContent("3 of 7 days have a topic · 4 empty");
  });

  it("fills the topic and text from a starter idea, and says what is still to replace", async () => {
    const backend = fakeBackend({ rhythm: { content: twoDays() } });
    const { user } = renderScreen(<ContentPage communityId={1} day="2026-11-25" />);
    await user.click(await screen.findByTestId("content-add-2026-11-28"));
    await user.click(await screen.findByTestId("content-idea-1"));
    expect(screen.getByTestId("content-topic")).toHaveValue("Today's special");
    expect(screen.getByTestId("content-body")).toHaveValue("Today only: {special}. Reply 1 to reserve one.");
    expect(screen.getByTestId("content-placeholders")).toHaveTextContent("Still to replace before posting: {special}");
    expect(backend.called("topic_ideas")[0].args).toEqual({ communityId: 1 });
    const body = screen.getByTestId("content-body");
    await user.clear(body);
    await user.type(body, "Today only: jasmine buns. Reply 1 to reserve one.");
    expect(screen.queryByTestId("content-placeholders")).toBeNull();
    await user.click(screen.getByTestId("content-save"));
    await waitFor(() =>
      expect(backend.called("create_content")[0]?.args.input).toEqual({
        community_id: 1, day: "2026-11-28", time: "10:00", topic: "Today's special", body: "Today only: jasmine buns. Reply 1 to reserve one.",
      }),
    );
  });

  it("offers ideas in an empty week, starting on the first empty day still ahead", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<ContentPage />);
    const week = await screen.findByTestId("content-empty-week");
    await user.click(await within(week).findByTestId("content-idea-0"));
    expect(await screen.findByTestId("content-form")).toBeInTheDocument();
    expect(screen.getByTestId("content-day")).toHaveValue("2026-11-24");
    expect(screen.getByTestId("content-topic")).toHaveValue("Tea of the day");
    await user.click(screen.getByTestId("content-save"));
    await waitFor(() => expect(backend.called("create_content")[0]?.args.input).toMatchObject({ day: "2026-11-24", topic: "Tea of the day" }));
  });

  it("marks an item posted and copies its text", async () => {
    const backend = fakeBackend({ rhythm: { content: twoDays() } });
    const { user } = renderScreen(<ContentPage communityId={1} day="2026-11-25" />);
    const posted = await screen.findByTestId("content-posted-5");
    expect(posted).not.toBeChecked();
    await user.click(posted);
    await waitFor(() => expect(backend.called("set_content_posted")[0]?.args).toEqual({ id: 5, posted: true }));
    await waitFor(() => expect(posted).toBeChecked());
    expect(screen.queryByTestId("content-overdue-5")).toBeNull();
    // Ticking never opens the drawer.
    expect(screen.queryByTestId("content-form")).toBeNull();

    await user.click(screen.getByTestId("content-copy-5"));
    expect(await navigator.clipboard.readText()).toBe("Today we brew osmanthus oolong.\nCome and taste it.");
    expect(await screen.findByText("Copied: paste it into the group")).toBeInTheDocument();
  });

  it("sends the image as base64 with the topic in one call, and shows it", async () => {
    const backend = fakeBackend({ rhythm: { content: twoDays() } });
    const { user } = renderScreen(<ContentPage communityId={1} day="2026-11-25" />);
    await user.click(await screen.findByTestId("content-add-2026-11-29"));
    await user.type(await screen.findByTestId("content-topic"), "Weekend photo");
    await user.upload(screen.getByTestId("content-image"), new File([new Uint8Array([137, 80, 78, 71])], "tea.png", { type: "image/png" }));
    expect(await screen.findByTestId("content-image-state")).toHaveTextContent("New image: tea.png");
    expect(screen.getByTestId("content-image-preview")).toHaveAttribute("src", "data:image/png;base64,iVBORw==");
    await user.click(screen.getByTestId("content-save"));

    await waitFor(() => expect(backend.called("create_content")).toHaveLength(1));
    expect(backend.called("create_content")[0].args.image).toBe("iVBORw==");
    const created = backend.state.rhythm.content.find((c) => c.topic === "Weekend photo")!;
    expect(await screen.findByTestId(`content-thumb-${created.id}`)).toHaveAttribute("src", "data:image/png;base64,iVBORw==");
  });

  it("refuses an image that is not PNG or JPEG beside the image box, and removes a saved image", async () => {
    const backend = fakeBackend({ rhythm: { content: [contentItem({ id: 5, day: "2026-11-25", has_image: true })], images: { 5: "data:image/png;base64,AAAA" } } });
    const { user } = renderScreen(<ContentPage communityId={1} day="2026-11-25" />);
    expect(await screen.findByTestId("content-thumb-5")).toHaveAttribute("src", "data:image/png;base64,AAAA");
    await user.click(screen.getByTestId("content-item-5"));
    expect(await screen.findByTestId("content-image-preview")).toHaveAttribute("src", "data:image/png;base64,AAAA");
    // The file dialog offers PNG and JPEG only, but a file can still be dropped in.
    fireEvent.change(screen.getByTestId("content-image"), { target: { files: [new File(["GIF89a"], "cat.gif", { type: "image/gif" })] } });
    expect(await within(screen.getByTestId("content-image-field")).findByText("Only PNG or JPEG images can be attached.")).toBeInTheDocument();
    await user.click(screen.getByTestId("content-image-remove"));
    expect(screen.getByTestId("content-image-state")).toHaveTextContent("The image will be removed when you save.");
    await user.click(screen.getByTestId("content-save"));
    await waitFor(() => expect(backend.called("update_content")[0]?.args).toMatchObject({ id: 5, image: null, removeImage: true }));
    await waitFor(() => expect(screen.queryByTestId("content-thumb-5")).toBeNull());
  });

  it("puts the backend's message beside the field it names, or above the form", async () => {
    let field: string | null = "body";
    const backend = fakeBackend({ rhythm: { content: twoDays() } }, {
      create_content: () => {
        throw { code: "invalid_input", message: field ? "Text is too long (at most 2000 characters)" : "The database is busy", field };
      },
    });
    const { user } = renderScreen(<ContentPage communityId={1} day="2026-11-25" />);
    await user.click(await screen.findByTestId("content-add-2026-11-24"));
    await user.type(await screen.findByTestId("content-topic"), "Long story");
    await user.type(screen.getByTestId("content-body"), "Once upon a time");
    await user.click(screen.getByTestId("content-save"));
    await waitFor(() => expect(backend.called("create_content")).toHaveLength(1));
    const box = screen.getByTestId("content-body").closest(".ant-form-item") as HTMLElement;
    expect(await within(box).findByText("Text is too long (at most 2000 characters)")).toBeInTheDocument();
    expect(screen.queryByTestId("content-form-error")).toBeNull();

    field = null;
    await user.click(screen.getByTestId("content-save"));
    expect(await screen.findByTestId("content-form-error")).toHaveTextContent("The database is busy");
  });

  it("shows a time the backend refuses beside the time box", async () => {
    fakeBackend({ rhythm: { content: twoDays() } });
    const { user } = renderScreen(<ContentPage communityId={1} day="2026-11-25" />);
    await user.click(await screen.findByTestId("content-add-2026-11-24"));
    const time = await screen.findByTestId("content-time");
    await user.clear(time);
    await user.type(time, "25:00");
    await user.type(screen.getByTestId("content-topic"), "Late");
    await user.click(screen.getByTestId("content-save"));
    const box = time.closest(".ant-form-item") as HTMLElement;
    expect(await within(box).findByText('Time "25:00" is not known')).toBeInTheDocument();
  });

  it("edits and deletes an item from its drawer", async () => {
    const backend = fakeBackend({ rhythm: { content: twoDays() } });
    const { user } = renderScreen(<ContentPage communityId={1} day="2026-11-25" />);
    await user.click(await screen.findByTestId("content-item-5"));
    expect(await screen.findByTestId("content-topic")).toHaveValue("Tea of the day");
    expect(screen.getByTestId("content-time")).toHaveValue("09:30");
    expect(screen.getByTestId("content-day")).toHaveValue("2026-11-23");
    await user.clear(screen.getByTestId("content-topic"));
    await user.type(screen.getByTestId("content-topic"), "Osmanthus oolong");
    await user.click(screen.getByTestId("content-save"));
    await waitFor(() => expect(backend.called("update_content")[0]?.args).toMatchObject({ id: 5, input: { topic: "Osmanthus oolong", day: "2026-11-23", time: "09:30" } }));
    await waitFor(() => expect(screen.getByTestId("content-item-5")).toHaveTextContent("Osmanthus oolong"));

    await user.click(screen.getByTestId("content-item-5"));
    await user.click(await screen.findByTestId("content-delete"));
    await user.click(await screen.findByTestId("content-delete-confirm"));
    await waitFor(() => expect(backend.called("delete_content")[0]?.args).toEqual({ id: 5 }));
    await waitFor(() => expect(screen.queryByTestId("content-item-5")).toBeNull());
    expect(screen.getByTestId("content-day-2026-11-23")).toHaveClass("sc-day--empty");
  });

  it("switches community", async () => {
    const backend = fakeBackend({
      communities: [community({ id: 1 }), community({ id: 2, name: "Weekend Hikers" })],
      rhythm: { content: [...twoDays(), contentItem({ id: 9, community_id: 2, day: "2026-11-28", topic: "Trail of the week" })] },
    });
    const { user } = renderScreen(<ContentPage communityId={2} day="2026-11-25" />);
    expect(await screen.findByTestId("content-item-9")).toHaveTextContent("Trail of the week");
    expect(screen.getByTestId("content-summary")).toHaveTextContent("1 of 7 days has a topic · 6 empty");
    await user.click(within(screen.getByTestId("content-community")).getByRole("combobox"));
    await user.click(await screen.findByTitle("Morning Tea Friends"));
    expect(await screen.findByTestId("content-item-5")).toBeInTheDocument();
    expect(screen.queryByTestId("content-item-9")).toBeNull();
    expect(backend.called("list_content").at(-1)?.args).toEqual({ from: "2026-11-23", to: "2026-11-29", communityId: 1 });
  });

  it("points to Communities when there is none", async () => {
    fakeBackend({ communities: [] });
    const { user, go } = renderScreen(<ContentPage />);
    expect(await screen.findByText("No community yet")).toBeInTheDocument();
    await user.click(screen.getByTestId("content-go-communities"));
    expect(go).toHaveBeenCalledWith({ page: "communities" });
  });

  it("speaks Chinese", async () => {
    fakeBackend({ rhythm: { content: twoDays() } });
    const { user } = renderScreen(<ContentPage communityId={1} day="2026-11-25" />, { lang: "zh-CN" });
    expect(await screen.findByTestId("content-summary")).toHaveTextContent("7 天中有 2 天已有话题 · 5 天空着");
    expect(screen.getByTestId("content-week-title")).toHaveTextContent("2026年11月23日 – 29日");
    expect(screen.getByTestId("content-day-2026-11-24")).toHaveTextContent("还没有话题");
    expect(screen.getByTestId("content-add-2026-11-24")).toHaveTextContent("添加");
    expect(screen.getByTestId("content-day-2026-11-23")).toHaveTextContent("周一");
    expect(screen.getByTestId("content-overdue-5")).toHaveTextContent("已过时未发");
    expect(screen.getByTestId("content-posted-5").closest("label")).toHaveTextContent("已发布");
    await user.click(screen.getByTestId("content-add-2026-11-24"));
    expect(await screen.findByText("新话题")).toBeInTheDocument();
    expect(screen.getByTestId("content-save")).toHaveTextContent("保存");
  });
});
