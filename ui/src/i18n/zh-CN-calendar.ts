// 日历和日程的简体中文（第 5 项功能的界面）。
import type { Resources } from "./en";

const calendar: Pick<Resources, "calendar" | "schedules"> = {
  calendar: {
    title: "日历",
  },
  schedules: {
    title: "日程",
  },
};

export default calendar;
