// Draws every [data-chart] on the page with Apache ECharts from the JSON beside it. The table under each chart
// holds the same numbers, so a page without this script (or without JavaScript) loses nothing but the drawing.
(function () {
  "use strict";
  if (!window.echarts) return;
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var src = document.getElementById("chart-data-" + el.dataset.chart);
    if (!src) return;
    var d = JSON.parse(src.textContent);
    var option;
    if (d.kind === "pie") {
      option = {
        tooltip: { trigger: "item" },
        series: [{ type: "pie", radius: "65%", name: d.series[0] && d.series[0].name,
          data: d.labels.map(function (l, i) { return { name: l, value: d.series[0] ? d.series[0].data[i] : 0 }; }) }]
      };
    } else {
      option = {
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 36, bottom: 48, containLabel: true },
        xAxis: { type: "category", data: d.labels, axisLabel: { interval: 0, rotate: d.labels.length > 6 ? 30 : 0 } },
        yAxis: { type: "value" },
        series: d.series.map(function (s) { return { type: d.kind, name: s.name, data: s.data }; })
      };
    }
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
