// Renders the contract JSON: highlights every grounded span of the text in place.
const FIELDS = {
  countries: "국가", headcounts: "인원·수", dates: "날짜", quotes: "인용",
  systems: "시스템", programs: "사업·행사", organizations: "기관", persons: "인물",
};

function spansOf(article) {
  const spans = [];
  const push = (field, span, label) => spans.push({ field, start: span.start, end: span.end, label });
  for (const c of article.countries) for (const m of c.mentions) push("countries", m, `${c.name} (${c.code})${c.visiting ? " 방문" : ""}`);
  for (const h of article.headcounts) push("headcounts", h, `${h.value} ${h.unit}${h.approximate ? " (약)" : ""}`);
  for (const d of article.dates) push("dates", d, `${d.type} ${d.value}`);
  for (const q of article.quotes) push("quotes", q, `${speakerName(q.speaker)} · ${q.verb ?? ""}`);
  for (const f of ["systems", "programs", "organizations", "persons"])
    for (const n of article[f]) for (const m of n.mentions) push(f, m, n.name);
  return spans;
}

function speakerName(speaker) {
  if (!speaker) return "화자 미상";
  return [speaker.organization, speaker.name, speaker.title].filter(Boolean).join(" ");
}

function highlight(text, spans) {
  const cuts = new Set([0, text.length]);
  spans.forEach((s) => { cuts.add(s.start); cuts.add(s.end); });
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && b <= s.end);
    const piece = document.createTextNode(text.slice(a, b));
    if (!covering.length) { out.append(piece); continue; }
    const mark = document.createElement("mark");
    mark.className = [...new Set(covering.map((s) => s.field))].join(" ");
    mark.title = covering.map((s) => `${FIELDS[s.field]}: ${s.label}`).join("\n");
    mark.dataset.at = String(a);
    mark.append(piece);
    out.append(mark);
  }
  return out;
}

// One line per item; countries and names are listed once, with their first mention.
const GROUPED = new Set(["countries", "systems", "programs", "organizations", "persons"]);

function fieldList(article, spans) {
  const out = document.createDocumentFragment();
  for (const [field, name] of Object.entries(FIELDS)) {
    const mine = spans.filter((s) => s.field === field);
    const listed = GROUPED.has(field) ? mine.filter((s, i) => mine.findIndex((t) => t.label === s.label) === i) : mine;
    const h = document.createElement("h2");
    h.textContent = `${name} (${listed.length})`;
    const ul = document.createElement("ul");
    for (const s of listed) {
      const words = article.text.slice(s.start, s.end);
      const li = document.createElement("li");
      li.textContent = field === "quotes" ? `${s.label}: “${words.slice(0, 40)}…”` : `${words} → ${s.label}`;
      li.addEventListener("click", () => flash(s.start));
      ul.append(li);
    }
    out.append(h, ul);
  }
  return out;
}

function flash(start) {
  const mark = document.querySelector(`#highlighted mark[data-at="${start}"]`);
  if (!mark) return;
  mark.scrollIntoView({ block: "center", behavior: "smooth" });
  mark.classList.add("flash");
  setTimeout(() => mark.classList.remove("flash"), 1200);
}

function render(article) {
  const spans = spansOf(article);
  document.getElementById("highlighted").replaceChildren(highlight(article.text, spans));
  document.getElementById("fields").replaceChildren(fieldList(article, spans));
  document.getElementById("legend").replaceChildren(...Object.entries(FIELDS).map(([f, n]) => {
    const s = document.createElement("span"); s.className = `swatch ${f}`; s.textContent = n; return s;
  }));
  document.getElementById("json").textContent = JSON.stringify(article, null, 2);
  document.getElementById("result").hidden = false;
}

document.getElementById("input").addEventListener("submit", async (event) => {
  event.preventDefault();
  const status = document.getElementById("status");
  const form = new FormData();
  const file = document.getElementById("file").files[0];
  if (file) form.append("file", file); else form.append("text", document.getElementById("text").value);
  const date = document.getElementById("reference_date").value;
  if (date) form.append("reference_date", date);
  form.append("save", document.getElementById("save").checked ? "true" : "false");
  status.className = ""; status.textContent = "분석 중…";
  const started = performance.now();
  try {
    const response = await fetch("/api/extract", { method: "POST", body: form });
    const body = await response.json();
    if (!response.ok) throw new Error(body.detail || response.statusText);
    render(body);
    status.textContent = `${Math.round(performance.now() - started)} ms`;
  } catch (error) {
    status.className = "error"; status.textContent = String(error.message || error);
  }
});
