// A campaign's sales per session: units sold as bars, revenue as a line on
// its own axis; sessions still to come are left blank, not drawn as 0.
// ECharts core only, drawn as SVG.
import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import type { Lang } from "../../bindings/Lang";
import type { ReportRow } from "../../bindings/ReportRow";
import { day as dayText } from "../../format";
import { BRAND } from "../../theme";

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Props = { rows: ReportRow[]; soldLabel: string; revenueLabel: string; lang: Lang };

export function SalesChart({ rows, soldLabel, revenueLabel, lang }: Props) {
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
        grid: { left: 44, right: 56, top: 32, bottom: 28 },
        legend: { data: [soldLabel, revenueLabel], top: 0 },
        tooltip: { trigger: "axis" },
        xAxis: { type: "category", data: rows.map((r) => dayText(r.day, lang)) },
        yAxis: [
          { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#eef0ea" } } },
          { type: "value", axisLabel: { formatter: "¥{value}" }, splitLine: { show: false } },
        ],
        series: [
          { name: soldLabel, type: "bar", data: rows.map((r) => (r.started ? r.sold : null)), itemStyle: { color: BRAND }, barMaxWidth: 28 },
          // Yuan for the axis; the money itself stays in fen everywhere else.
          { name: revenueLabel, type: "line", yAxisIndex: 1, data: rows.map((r) => (r.started ? r.revenue_cents / 100 : null)), lineStyle: { color: "#9a5c00" }, itemStyle: { color: "#9a5c00" } },
        ],
      },
      true,
    );
  }, [rows, soldLabel, revenueLabel, lang]);

  return <div ref={el} role="img" aria-label={`${soldLabel} · ${revenueLabel}`} style={{ width: "100%", height: 240 }} data-testid="report-chart" />;
}
