// Members over time as a small line chart, the capacity as a dashed line. ECharts core only.
import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { LineChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { MemberCount } from "../../bindings/MemberCount";
import { BRAND } from "../../theme";

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

type Props = { counts: MemberCount[]; capacity: number; capacityLabel: string };

export function MemberChart({ counts, capacity, capacityLabel }: Props) {
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
    const sorted = [...counts].sort((a, b) => a.recorded_on.localeCompare(b.recorded_on));
    const max = Math.max(capacity, ...sorted.map((c) => c.count));
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 44, right: 24, top: 20, bottom: 28 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: sorted.map((c) => c.recorded_on.slice(5)), boundaryGap: false },
        yAxis: { type: "value", min: 0, max: Math.ceil((max * 1.1) / 10) * 10, splitLine: { lineStyle: { color: "#eef0ea" } } },
        series: [
          {
            type: "line",
            data: sorted.map((c) => c.count),
            smooth: true,
            symbolSize: 6,
            lineStyle: { color: BRAND, width: 2 },
            itemStyle: { color: BRAND },
            areaStyle: { color: "rgba(47,125,91,0.08)" },
            markLine: {
              symbol: "none",
              silent: true,
              lineStyle: { color: "#d48806", type: "dashed" },
              label: { formatter: `${capacityLabel} ${capacity}`, position: "insideEndTop", color: "#8a5300" },
              data: [{ yAxis: capacity }],
            },
          },
        ],
      },
      true,
    );
  }, [counts, capacity, capacityLabel]);

  return <div ref={el} style={{ width: "100%", height: 220 }} data-testid="member-chart" />;
}
