// The PR page: sends one article to /api/extract and shows the result as a card, then the text
// with every grounded span highlighted; items and spans link to each other.
const FIELDS = {
  visits: "방문", countries: "국가", headcounts: "인원·수", dates: "날짜", quotes: "인용",
  systems: "시스템", programs: "사업·행사", organizations: "기관", persons: "인물",
};
const GROUPED = new Set(["countries", "systems", "programs", "organizations", "persons"]);
const $ = (id) => document.getElementById(id);
let current = null; // the article on screen
let returnTo = null; // the item a jump to the text came from

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value; else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== ""));
  return node;
}

// --- words --------------------------------------------------------------------------------

function timexWords(value) {
  if (!value) return null;
  if (value.includes("/")) return value.split("/").map((end) => timexWords(end) || end).join(" ~ ");
  const m = /^(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:T(\d\d:\d\d))?/.exec(value);
  if (!m) return null;
  const [, y, mo, d, time] = m;
  return [`${y}년`, mo && `${Number(mo)}월`, d && `${Number(d)}일`, time].filter(Boolean).join(" ");
}

function speakerName(speaker) {
  if (!speaker) return "화자 미상";
  return [speaker.organization, speaker.name, speaker.title].filter(Boolean).join(" ");
}

function countryNames(article, codes) {
  const names = Object.fromEntries(article.countries.map((c) => [c.code, c.name]));
  return codes.map((code) => names[code] || code).join("·");
}

function visitSentence(article, visit) {
  const when = timexWords(visit.date);
  const who = visit.visitors || "방문단";
  const details = [visit.countries.length && countryNames(article, visit.countries),
    visit.headcount && `${visit.headcount.toLocaleString("ko")}명`].filter(Boolean).join(" · ");
  const why = visit.purpose ? ` 목적: ${visit.purpose}.` : "";
  const program = visit.program ? ` 프로그램: ${visit.program}.` : "";
  return `${when ? `${when}, ` : ""}${who}${subjectParticle(who)} 방문했습니다${details ? ` (${details})` : ""}.${why}${program}`;
}

function subjectParticle(words) {
  const last = words.charCodeAt(words.length - 1) - 0xac00;
  if (last < 0 || last > 11171) return "이(가)";
  return last % 28 ? "이" : "가";
}

// --- spans and highlights -----------------------------------------------------------------

function spansOf(article) {
  const spans = [];
  const push = (field, span, label) => spans.push({ field, start: span.start, end: span.end, label, id: `item-${spans.length}` });
  for (const v of article.visits) if (v.evidence) push("visits", v.evidence, visitSentence(article, v));
  for (const c of article.countries) for (const m of c.mentions) push("countries", m, `${c.name} (${c.code})${c.visiting ? " 방문" : ""}`);
  for (const h of article.headcounts) push("headcounts", h, `${h.value.toLocaleString("ko")} ${h.unit}${h.approximate ? " (약)" : ""}`);
  for (const d of article.dates) push("dates", d, timexWords(d.value) ? `${timexWords(d.value)} (${d.value})` : `${d.type} ${d.value}`);
  for (const q of article.quotes) push("quotes", q, speakerName(q.speaker));
  for (const f of ["systems", "programs", "organizations", "persons"])
    for (const n of article[f]) for (const m of n.mentions) push(f, m, n.name);
  return spans;
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
    const mark = el("mark", { class: [...new Set(covering.map((s) => s.field))].join(" ") }, piece);
    mark.title = covering.map((s) => `${FIELDS[s.field]}: ${s.label}`).join("\n");
    mark.dataset.items = covering.map((s) => s.id).join(" ");
    covering.forEach((s) => { if (a === s.start) mark.dataset.starts = `${mark.dataset.starts || ""} ${s.id}`; });
    mark.addEventListener("click", () => jumpToItem(mark));
    out.append(mark);
  }
  return out;
}

// --- jumping between items and spans ------------------------------------------------------

function jumpable(node, span) {
  node.classList.add("jump");
  node.dataset.item = span.id;
  node.tabIndex = 0;
  const go = () => jumpToSpan(node, span);
  node.addEventListener("click", go);
  node.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });
  return node;
}

function flash(node) {
  node.classList.remove("flash");
  void node.offsetWidth; // restart the animation
  node.classList.add("flash");
}

function jumpToSpan(item, span) {
  const mark = [...document.querySelectorAll("#highlighted mark")].find((m) => (m.dataset.starts || "").split(" ").includes(span.id));
  if (!mark) return;
  returnTo = item;
  mark.scrollIntoView({ block: "center" });
  flash(mark);
  $("back").hidden = false;
}

function jumpToItem(mark) {
  const ids = mark.dataset.items.split(" ");
  const item = returnTo && ids.includes(returnTo.dataset.item) ? returnTo
    : ids.map((id) => document.querySelector(`[data-item="${id}"]`)).find(Boolean);
  if (item) goBack(item);
}

function goBack(item = returnTo) {
  $("back").hidden = true;
  if (!item) return;
  item.scrollIntoView({ block: "center" });
  flash(item);
  returnTo = null;
}

// --- the card -----------------------------------------------------------------------------

function firstSpan(spans, field, label) {
  return spans.find((s) => s.field === field && s.label === label);
}

function card(article, spans) {
  const when = article.published ? timexWords(article.published.slice(0, 16)) : article.reference_date && `${timexWords(article.reference_date)} (기준일)`;
  const reporters = article.reporters.map((r) => `${r.name} 기자`).join(", ");
  const parts = [
    el("h2", { class: "headline" }, article.title || "(제목 없음)"),
    ...article.subtitles.map((s) => el("p", { class: "deck" }, s)),
    el("p", { class: "meta" }, [when, reporters].filter(Boolean).join(" · ") || "날짜·기자 정보 없음"),
  ];
  const visits = spans.filter((s) => s.field === "visits");
  parts.push(section("방문", visits.length ? el("ul", { class: "visits" }, ...visits.map((s) => jumpable(el("li", {}, s.label), s)))
    : el("p", { class: "none" }, "보도된 방문이 없습니다.")));
  const quotes = spans.filter((s) => s.field === "quotes");
  if (quotes.length) {
    parts.push(section("인용", el("ul", { class: "quotes" }, ...quotes.map((s) => {
      const words = article.text.slice(s.start, s.end);
      return jumpable(el("li", {}, el("q", {}, words), el("span", { class: "speaker" }, ` — ${s.label}`)), s);
    }))));
  }
  for (const field of ["systems", "programs"]) {
    if (!article[field].length) continue;
    parts.push(section(FIELDS[field], el("ul", { class: `chips ${field}` },
      ...article[field].map((n) => jumpable(el("li", {}, n.name), firstSpan(spans, field, n.name))))));
  }
  return parts;
}

function section(title, body) {
  return el("section", {}, el("h3", {}, title), body);
}

function fieldList(article, spans) {
  const out = [];
  for (const [field, name] of Object.entries(FIELDS)) {
    if (field === "visits" || field === "quotes") continue; // shown in the card
    const mine = spans.filter((s) => s.field === field);
    const listed = GROUPED.has(field) ? mine.filter((s, i) => mine.findIndex((t) => t.label === s.label) === i) : mine;
    if (!listed.length) continue;
    out.push(el("h3", { class: field }, `${name} (${listed.length})`),
      el("ul", {}, ...listed.map((s) => jumpable(el("li", {}, `${article.text.slice(s.start, s.end)} → ${s.label}`), s))));
  }
  return out;
}

function legend(spans) {
  return Object.entries(FIELDS).map(([field, name]) => {
    const count = spans.filter((s) => s.field === field).length;
    return el("span", { class: `swatch ${field}` }, el("i", { "aria-hidden": "true" }), `${name} ${count}`);
  });
}

function render(article) {
  current = article;
  const spans = spansOf(article);
  $("card").replaceChildren(...card(article, spans));
  $("highlighted").replaceChildren(highlight(article.text, spans));
  $("fields").replaceChildren(...fieldList(article, spans));
  $("legend").replaceChildren(...legend(spans));
  $("json").textContent = JSON.stringify(article, null, 2);
  $("result").hidden = false;
}

function clearResult() {
  current = null;
  for (const id of ["card", "highlighted", "fields", "legend", "json"]) $(id).replaceChildren();
  $("result").hidden = true;
  $("back").hidden = true;
}

// --- downloads ----------------------------------------------------------------------------

function download(name, type, content) {
  const link = el("a", { href: URL.createObjectURL(new Blob([content], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

function csvOf(rows) {
  const cell = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  return "\ufeff" + rows.map((r) => r.map((v) => cell(v ?? "")).join(",")).join("\r\n") + "\r\n";
}

function itemRows(article) {
  return [["field", "label", "text", "start", "end"],
    ...spansOf(article).map((s) => [s.field, s.label, article.text.slice(s.start, s.end), s.start, s.end])];
}

// --- input --------------------------------------------------------------------------------

function chosenFile() {
  return $("file").files[0] || null;
}

function showChosen() {
  const file = chosenFile();
  $("chosen").hidden = !file;
  $("text").disabled = Boolean(file);
  if (file) $("chosen-name").textContent = `${file.name} (${Math.ceil(file.size / 1024).toLocaleString("ko")} KB)`;
}

function tooLarge() {
  const file = chosenFile();
  if (file && file.size > LIMITS.max_file_bytes)
    return `파일이 ${(file.size / 2 ** 20).toFixed(1)} MB입니다. 한도는 ${LIMITS.max_file_bytes / 2 ** 20} MB입니다.`;
  const length = $("text").value.length;
  if (!file && length > LIMITS.max_chars)
    return `글이 ${length.toLocaleString("ko")}자입니다. 한도는 ${LIMITS.max_chars.toLocaleString("ko")}자입니다.`;
  return null;
}

function showError(message) {
  clearResult();
  $("status").className = "error";
  $("status").textContent = message;
}

async function submit(event) {
  event.preventDefault();
  const refused = tooLarge();
  if (refused) { showError(refused); return; }
  const form = new FormData();
  const file = chosenFile();
  if (file) form.append("file", file); else form.append("text", $("text").value);
  if ($("reference_date").value) form.append("reference_date", $("reference_date").value);
  form.append("save", $("save").checked ? "true" : "false");
  $("status").className = "";
  $("status").textContent = "분석 중…";
  $("run").disabled = true;
  const started = performance.now();
  try {
    const response = await fetch("/api/extract", { method: "POST", body: form });
    const body = await response.json().catch(() => ({ detail: response.statusText }));
    if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
    render(body);
    $("status").textContent = `${Math.round(performance.now() - started).toLocaleString("ko")} ms`;
  } catch (error) {
    showError(`오류: ${error.message || error}`);
  } finally {
    $("run").disabled = false;
  }
}

$("input").addEventListener("submit", submit);
$("file").addEventListener("change", showChosen);
$("clear-file").addEventListener("click", () => { $("file").value = ""; showChosen(); });
$("back").addEventListener("click", () => goBack());
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  if (!e.dataTransfer.files.length) return;
  $("file").files = e.dataTransfer.files;
  showChosen();
});
$("copy-json").addEventListener("click", async () => {
  await navigator.clipboard.writeText(JSON.stringify(current, null, 2));
  $("status").className = "";
  $("status").textContent = "JSON을 복사했습니다.";
});
$("download-json").addEventListener("click", () => download(`${current.id}.json`, "application/json", JSON.stringify(current, null, 2)));
$("download-csv").addEventListener("click", () => download(`${current.id}-items.csv`, "text/csv", csvOf(itemRows(current))));
