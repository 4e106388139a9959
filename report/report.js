// Renders the KPI report from REPORT (inlined by scripts/build_report.py). Charts of a page are
// drawn when the page is first shown; ?render=all shows and draws every page (browser test).
"use strict";

const UNIT_SUFFIX = { hours: " h", days: " d", seconds: " s", months: " mo", years: " yr", score: " pts" };

function formatValue(value, unit) {
  if (value === null || value === undefined || Number.isNaN(value)) return "n/a";
  const number = (digits) => value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  switch (unit) {
    case "percent": return (value * 100).toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 }) + " %";
    case "multiple": return number(2) + "×";
    case "currency": return CURRENCY + " " + number(Math.abs(value) >= 1000 ? 0 : 2);
    case "count": return number(Number.isInteger(value) ? 0 : 2);
    case "rank": return "#" + number(Number.isInteger(value) ? 0 : 1);
    default: return number(Math.abs(value) >= 100 ? 0 : 1) + (UNIT_SUFFIX[unit] || "");
  }
}

function formatDelta(delta, unit) {
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
  if (unit === "percent") return sign + Math.abs(delta * 100).toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 }) + " pp";
  return sign + formatValue(Math.abs(delta), unit);
}

function monthLabel(iso) {
  return new Date(iso + "T00:00:00Z").toLocaleString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function deltaClass(card, delta) {
  if (delta === 0) return "flat";
  // A rank improves downwards; every other unit follows the KPI's direction.
  const better = card.unit === "rank" ? !card.higher_is_better : card.higher_is_better;
  return (delta > 0) === better ? "good" : "bad";
}

function buildCard(card) {
  const node = element("article", "kpi-card");
  node.dataset.kpiName = card.kpi_name;
  node.append(element("h3", null, card.label + (card.is_primary ? "" : " · " + card.kpi_name.replaceAll("_", " "))));
  node.append(element("div", "name", card.kpi_name + (card.headline ? " (" + card.headline + ")" : "")));
  const latest = card.latest;
  node.append(element("div", "value", latest ? formatValue(latest.value, card.unit) : "n/a"));
  const meta = element("div", "meta");
  if (latest) {
    meta.append(document.createTextNode(monthLabel(latest.month) + " "));
    const previous = card.previous;
    if (previous && previous.value !== null && latest.value !== null) {
      const delta = latest.value - previous.value;
      meta.append(element("span", "delta " + deltaClass(card, delta), formatDelta(delta, card.unit) + " vs " + monthLabel(previous.month)));
    } else {
      meta.append(element("span", "delta flat", "no previous month to compare"));
    }
  } else {
    meta.append(document.createTextNode("no complete month yet"));
  }
  const openMonths = card.series.filter((point) => !point.complete).length;
  if (openMonths) meta.append(element("span", "badge", openMonths + " open cohort month" + (openMonths > 1 ? "s" : "")));
  node.append(meta);
  const spark = element("div", "sparkline");
  node.append(spark);
  let bars = null;
  if (card.breakdown && card.breakdown.bars.length) {
    const b = card.breakdown;
    const more = b.total_values > b.bars.length ? ", top " + b.bars.length + " of " + b.total_values : "";
    const others = b.more_dimensions.length ? "; also by " + b.more_dimensions.join(", ") + " in the marts" : "";
    node.append(element("div", "breakdown-title", "By " + b.dimension.replaceAll("_", " ") + ", " + monthLabel(b.month) + more + others));
    bars = element("div", "breakdown");
    bars.style.height = 24 + 18 * b.bars.length + "px";
    node.append(bars);
  }
  node.draw = () => drawCharts(card, spark, bars);
  return node;
}

function drawCharts(card, spark, bars) {
  const config = { staticPlot: true, displayModeBar: false, responsive: true };
  const points = card.series;
  const values = points.map((p) => (p.value === null ? null : card.unit === "percent" ? p.value * 100 : p.value));
  const months = points.map((p) => p.month);
  Plotly.newPlot(spark, [
    { x: months, y: values, type: "scatter", mode: "lines", line: { color: "#3e7bfa", width: 2 }, connectgaps: false, hoverinfo: "skip" },
    {
      x: months.filter((_, i) => !points[i].complete),
      y: values.filter((_, i) => !points[i].complete),
      type: "scatter", mode: "markers", marker: { color: "#fff", size: 6, line: { color: "#f0b429", width: 2 } }, hoverinfo: "skip",
    },
  ], {
    margin: { l: 4, r: 4, t: 4, b: 16 }, showlegend: false, paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
    xaxis: { showgrid: false, tickformat: "%b %y", dtick: "M6", type: "date", tickfont: { size: 9, color: "#7b8794" }, fixedrange: true },
    yaxis: { visible: false, fixedrange: true, autorange: card.unit === "rank" ? "reversed" : true },
  }, config);
  if (bars) {
    const b = card.breakdown.bars.slice().reverse();
    Plotly.newPlot(bars, [{
      type: "bar", orientation: "h", x: b.map((bar) => (card.unit === "percent" ? bar.value * 100 : bar.value)),
      y: b.map((bar) => (bar.label.length > 22 ? bar.label.slice(0, 21) + "…" : bar.label)),
      text: b.map((bar) => formatValue(bar.value, card.unit)), textposition: "auto", marker: { color: "#9fb3c8" },
      textfont: { size: 10 },
    }], {
      margin: { l: 130, r: 4, t: 0, b: 0 }, showlegend: false, paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
      xaxis: { visible: false, fixedrange: true }, yaxis: { tickfont: { size: 10 }, automargin: false, fixedrange: true },
    }, config);
  }
}

function buildCatalogPage() {
  const page = element("section", "page");
  page.id = "page-catalogue";
  page.append(element("h2", null, "Catalogue: the 101 KPIs"));
  const table = element("table", "catalog");
  const head = element("tr");
  for (const title of ["#", "KPI", "domain", "unit", "definition", "formula", "output series"]) head.append(element("th", null, title));
  table.append(head);
  for (const kpi of REPORT.catalog) {
    const row = element("tr");
    row.append(element("td", null, String(kpi.kpi_id)));
    const name = element("td");
    name.append(element("strong", null, kpi.label), element("br"), element("code", null, kpi.kpi_name));
    row.append(name, element("td", null, kpi.domain), element("td", null, kpi.unit), element("td", null, kpi.description));
    const formula = element("td");
    formula.append(element("code", null, kpi.formula));
    row.append(formula, element("td", null, (kpi.outputs || "").split("|").join(", ") + (kpi.implemented ? "" : " (not implemented)")));
    table.append(row);
  }
  page.append(table);
  return page;
}

function showPage(id) {
  for (const page of document.querySelectorAll(".page")) page.classList.toggle("active", page.id === "page-" + id);
  for (const button of document.querySelectorAll("nav button")) button.classList.toggle("active", button.dataset.page === id);
  drawPage(document.getElementById("page-" + id));
}

function drawPage(page) {
  if (!page || page.dataset.drawn) return;
  page.dataset.drawn = "true";
  for (const card of page.querySelectorAll(".kpi-card")) card.draw();
}

function main() {
  const tabs = document.getElementById("tabs");
  const pages = document.getElementById("pages");
  const ids = [];
  for (const domain of REPORT.domains) {
    const cards = REPORT.cards.filter((card) => card.domain === domain);
    const page = element("section", "page");
    page.id = "page-" + domain;
    page.append(element("h2", null, domain.replace("_", " ") + " · " + cards.length + " KPI outputs"));
    const grid = element("div", "grid");
    for (const card of cards) grid.append(buildCard(card));
    page.append(grid);
    pages.append(page);
    ids.push([domain, domain.replace("_", " ") + " (" + cards.length + ")"]);
  }
  pages.append(buildCatalogPage());
  ids.push(["catalogue", "catalogue"]);
  for (const [id, title] of ids) {
    const button = element("button", null, title);
    button.dataset.page = id;
    button.addEventListener("click", () => { location.hash = id; showPage(id); });
    tabs.append(button);
  }
  if (new URLSearchParams(location.search).get("render") === "all") {
    document.body.classList.add("render-all");
    for (const page of document.querySelectorAll(".page")) drawPage(page);
  }
  const wanted = location.hash.slice(1);
  showPage(ids.some(([id]) => id === wanted) ? wanted : ids[0][0]);
}

try {
  main();
} catch (error) {
  window.reportErrors.push(String(error && error.stack ? error.stack : error));
}
document.getElementById("report-errors").textContent = window.reportErrors.join("\n");
document.body.dataset.ready = "true";
document.body.dataset.cards = String(document.querySelectorAll(".kpi-card").length);
