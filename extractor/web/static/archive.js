// The analysts' view: filters -> /api/archive -> one Chart.js chart per figure, each with its
// numbers in a table and a CSV download of the same rows.
const $ = (id) => document.getElementById(id);
const PALETTE = ["#1565c0", "#ef6c00", "#2e7d32", "#ad1457", "#6a1b9a", "#00838f", "#5d4037", "#c9a400", "#546e7a", "#d84315"];
const FILTERS = ["start", "end", "country", "program", "q"];
const charts = {};

Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.animation = false;

function query() {
  const params = new URLSearchParams();
  for (const name of FILTERS) if ($(name).value) params.set(name, $(name).value);
  return params;
}

// Rows (year, code, name, n) -> one dataset per year, countries along the axis.
function byCountryAndYear(rows) {
  const countries = [...new Set(rows.map((r) => r[2]))];
  const years = [...new Set(rows.map((r) => r[0]))].sort();
  const datasets = years.map((year, i) => ({
    label: String(year ?? "날짜 미상"), backgroundColor: PALETTE[i % PALETTE.length],
    data: countries.map((c) => rows.filter((r) => r[0] === year && r[2] === c).reduce((sum, r) => sum + r[3], 0)),
  }));
  return { type: "bar", data: { labels: countries, datasets }, stacked: true };
}

// Every year from the first to the last, so that years without visits show as 0, not as no gap.
function everyYear(rows) {
  if (!rows.length) return [];
  const first = rows[0][0], last = rows[rows.length - 1][0];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

const SHAPES = {
  visits_by_country: byCountryAndYear,
  visitors_by_country: byCountryAndYear,
  visitors_by_year: (rows) => {
    const years = everyYear(rows);
    const of = (year, column) => rows.find((r) => r[0] === year)?.[column] ?? 0;
    return { type: "line", data: { labels: years.map(String), datasets: [
      { label: "방문 인원", data: years.map((y) => of(y, 2)), borderColor: PALETTE[0], backgroundColor: PALETTE[0] },
      { label: "방문 건수", data: years.map((y) => of(y, 1)), borderColor: PALETTE[1], backgroundColor: PALETTE[1], yAxisID: "visits" }] } };
  },
  speakers: (rows) => ({
    type: "bar", horizontal: true,
    data: { labels: rows.map((r) => [r[0], r[1]].filter(Boolean)), datasets: [{ label: "인용 수", data: rows.map((r) => r[2]), backgroundColor: PALETTE[3] }] },
  }),
  systems: (rows) => ({
    type: "bar", horizontal: true,
    data: { labels: rows.map((r) => r[0]), datasets: [{ label: "기사 수", data: rows.map((r) => r[1]), backgroundColor: PALETTE[4] }] },
  }),
};

function options(shape) {
  const scales = {
    x: { stacked: Boolean(shape.stacked), beginAtZero: true, ticks: { precision: 0 } },
    y: { stacked: Boolean(shape.stacked), beginAtZero: true, ticks: { precision: 0 } },
  };
  if (shape.data.datasets.some((d) => d.yAxisID === "visits"))
    scales.visits = { position: "right", beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false } };
  return { responsive: true, maintainAspectRatio: false, indexAxis: shape.horizontal ? "y" : "x", scales,
    plugins: { legend: { display: shape.data.datasets.length > 1 || shape.type === "line" } } };
}

function table(columns, rows) {
  const head = document.createElement("tr");
  head.append(...columns.map((c) => Object.assign(document.createElement("th"), { textContent: c })));
  const body = rows.map((row) => {
    const tr = document.createElement("tr");
    tr.append(...row.map((v) => Object.assign(document.createElement("td"), {
      textContent: v ?? "", className: typeof v === "number" ? "n" : "" })));
    return tr;
  });
  const t = document.createElement("table");
  t.append(head, ...body);
  return t;
}

function figure(name, chart) {
  let box = $(`chart-${name}`);
  if (!box) {
    box = document.createElement("figure");
    box.className = "chart";
    box.id = `chart-${name}`;
    box.innerHTML = `<header><h2></h2><a class="csv" download>CSV</a></header><div class="box"><canvas></canvas></div>
      <p class="empty" hidden>이 조건에 맞는 자료가 없습니다.</p><details><summary>숫자 보기</summary></details>`;
    $("charts").append(box);
  }
  box.querySelector("h2").textContent = chart.title;
  box.querySelector("a.csv").href = `/api/archive/${name}.csv?${query()}`;
  box.querySelector("details").replaceChildren(
    Object.assign(document.createElement("summary"), { textContent: "숫자 보기" }), table(chart.columns, chart.rows));
  const empty = chart.rows.length === 0;
  box.querySelector(".empty").hidden = !empty;
  box.querySelector(".box").hidden = empty;
  return box;
}

function draw(name, chart) {
  const box = figure(name, chart);
  const shape = SHAPES[name](chart.rows);
  charts[name]?.destroy();
  charts[name] = new Chart(box.querySelector("canvas"), { type: shape.type, data: shape.data, options: options(shape) });
}

function fillChoices(overview) {
  const select = $("country");
  if (select.options.length === 1) {
    select.append(...overview.countries.map((c) => new Option(`${c.name} (${c.code})`, c.code)));
    $("programs").append(...overview.programs.map((p) => new Option(p)));
    select.value = new URLSearchParams(location.search).get("country") || "";
  }
}

function listArticles(articles) {
  $("articles").replaceChildren(...articles.map((a) => {
    const li = document.createElement("li");
    const day = Object.assign(document.createElement("span"), { className: "day", textContent: a.day ?? "" });
    li.append(day, a.title || a.id, a.countries.length ? ` (${a.countries.join(", ")})` : "");
    return li;
  }));
}

async function load() {
  $("summary").textContent = "불러오는 중…";
  const response = await fetch(`/api/archive?${query()}`);
  const body = await response.json();
  if (!response.ok) { $("summary").textContent = `오류: ${body.detail}`; return; }
  fillChoices(body);
  for (const [name, chart] of Object.entries(body.charts)) draw(name, chart);
  listArticles(body.articles);
  const visitors = body.charts.visitors_by_year.rows.reduce((sum, r) => sum + r[2], 0);
  const visits = body.charts.visitors_by_year.rows.reduce((sum, r) => sum + r[1], 0);
  $("summary").textContent = `기사 ${body.articles.length}건 · 방문 ${visits}건 · 방문 인원 ${visitors.toLocaleString("ko")}명`;
  const filters = query().toString();
  history.replaceState(null, "", filters ? `/archive?${filters}` : "/archive");
}

for (const [name, value] of new URLSearchParams(location.search)) if (FILTERS.includes(name)) $(name).value = value;
$("filters").addEventListener("submit", (event) => { event.preventDefault(); load(); });
$("country").addEventListener("change", load);
load();
