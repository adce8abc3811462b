// 内容日历和提醒中心的简体中文（第 5 项功能的界面）。
import type { Resources } from "./en";

const content: Pick<Resources, "content" | "reminders"> = {
  content: {
    title: "内容日历",
  },
  reminders: {
    title: "提醒",
  },
};

export default content;
