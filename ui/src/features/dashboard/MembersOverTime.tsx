// Members over time: each day's joins and leaves as bars, the members in at
// the day's end as a line. The core counts; ECharts (its modular core) draws.
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { DayPoint } from "../../bindings/DayPoint";
import { BRAND } from "../../theme";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export function MembersOverTime({ points }: { points: DayPoint[] }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: "svg" });
    chart.current = c;
    const ro = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => c.resize());
    ro?.observe(el.current);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 44, right: 44, top: 36, bottom: 28 },
        legend: { top: 0, data: [t("dashboard.joinsSeries"), t("dashboard.leavesSeries"), t("dashboard.totalSeries")] },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: points.map((p) => p.day.slice(5)) },
        yAxis: [
          { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef0ea" } } },
          { type: "value", minInterval: 1, splitLine: { show: false } },
        ],
        series: [
          { name: t("dashboard.joinsSeries"), type: "bar", stack: "moves", data: points.map((p) => p.joined), itemStyle: { color: BRAND } },
          { name: t("dashboard.leavesSeries"), type: "bar", stack: "moves", data: points.map((p) => -p.left), itemStyle: { color: "#c2410c" } },
          {
            name: t("dashboard.totalSeries"),
            type: "line",
            yAxisIndex: 1,
            data: points.map((p) => p.total),
            symbolSize: 4,
            lineStyle: { color: "#1d4ed8", width: 2 },
            itemStyle: { color: "#1d4ed8" },
          },
        ],
      },
      true,
    );
  }, [points, t]);

  const joined = points.reduce((n, p) => n + p.joined, 0);
  const left = points.reduce((n, p) => n + p.left, 0);
  const total = points.length ? points[points.length - 1].total : 0;
  const label = t("dashboard.overTimeLabel", { from: points[0]?.day ?? "", to: points[points.length - 1]?.day ?? "", joined, left, total });
  return (
    <div role="img" aria-label={label} data-testid="members-over-time" data-joined={joined} data-left={left} data-total={total}>
      <div ref={el} style={{ width: "100%", height: 240 }} aria-hidden />
    </div>
  );
}
