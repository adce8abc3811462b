import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Community } from "../../bindings/Community";
import { fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { RuleLog } from "./RuleLog";

const EVENT = { id: 5, member_id: 7, member_name: "刷屏哥", kind: "warning" as const, rule: "No ads", staff_name: "Amy", note: "posted an ad", at: "2026-11-20T02:00:00Z", warnings: 2, flagged: true };

describe("group rules in action", () => {
  it("lists warnings with the member flagged at two, and records a removal with the rule chosen", async () => {
    const backend = fakeBackend({}, {
      list_rule_events: () => [EVENT],
      list_members: () => ({ total: 1, rows: [{ id: 7, display_name: "刷屏哥", phone_masked: null, wechat_nickname: "", tags: [], communities: [], marketing: false, created_at: "2026-11-01T00:00:00Z" }] }),
      list_staff: () => [],
      record_rule_event: () => ({ ...EVENT, id: 6, kind: "removal" }),
    });
    const community = { id: 1, name: "Tea friends", rules: ["No ads", "No spam", "Be kind"] } as unknown as Community;
    const { user } = renderScreen(<RuleLog community={community} archived={false} />);
    const row = await screen.findByTestId("rule-event-5");
    expect(row).toHaveTextContent("Flagged: 2 warnings");
    expect(row).toHaveTextContent("No ads — posted an ad");
    await user.click(screen.getByTestId("rule-event-new"));
    await user.click(await screen.findByRole("combobox", { name: "Member" }));
    await user.click(await screen.findByTitle("刷屏哥"));
    await user.click(screen.getByRole("radio", { name: "Removed from the group" }));
    await user.click(screen.getByRole("combobox", { name: "Which rule" }));
    await user.click(await screen.findByTitle("No spam"));
    await user.click(screen.getByTestId("rule-event-save"));
    await waitFor(() => expect(backend.called("record_rule_event")[0].args).toEqual({
      communityId: 1, input: { member_id: 7, kind: "removal", rule: "No spam", staff_id: null, note: "" },
    }));
  });
});
