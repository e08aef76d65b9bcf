// lagebild web page: filters → /events, /stats and /events.geojson; a card → /events/{id}
// and /articles/{id}. Plain browser JavaScript, no build step, nothing fetched from elsewhere.
"use strict";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
  "ASSAULT"];
const COLORS = {
  AGREE: "#2e7d32", CONSULT: "#43a047", SUPPORT: "#7cb342", CONCEDE: "#9e9d24",
  COOPERATE: "#00897b", AID: "#0288d1", RETREAT: "#5c6bc0", REQUEST: "#8e24aa",
  ACCUSE: "#f9a825", REJECT: "#fb8c00", THREATEN: "#f4511e", PROTEST: "#d81b60",
  SANCTION: "#6d4c41", MOBILIZE: "#c62828", COERCE: "#ad1457", ASSAULT: "#7f0000",
};
const FIELDS = ["modality", "actor", "recipient", "country", "since", "until", "q"];
const LAYERS = [["trigger", "event triggers"], ["amount", "amounts"], ["time", "times"],
  ["place", "places"], ["PER", "persons"], ["ORG", "organisations"], ["LOC", "other locations"],
  ["MISC", "other names"], ["quote", "quotes"]];
const SVG = "http://www.w3.org/2000/svg";
const $ = (sel) => document.querySelector(sel);

let outlines = null;
let nextCursor = null;

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (body.error) throw new Error(body.error.message);
  return body;
}

// -- filters ------------------------------------------------------------------

function buildTypeBoxes() {
  const box = $("#types");
  for (const type of TYPES) {
    box.append(el("label", {}, el("input", { type: "checkbox", name: "type", value: type }),
      el("span", { class: "swatch", style: `background:${COLORS[type]}` }), type.toLowerCase()));
  }
}

function formParams() {
  const form = $("#filters");
  const params = new URLSearchParams();
  const types = [...form.querySelectorAll("input[name=type]:checked")].map((i) => i.value);
  if (types.length) params.set("type", types.join(","));
  for (const name of FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function setForm(params) {
  const form = $("#filters");
  const types = (params.get("type") || "").split(",");
  for (const box of form.querySelectorAll("input[name=type]")) box.checked = types.includes(box.value);
  for (const name of FIELDS) form.elements[name].value = params.get(name) || "";
}

function showError(message) {
  const box = $("#error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function refresh() {
  const params = formParams();
  history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
  for (const kind of ["csv", "geojson", "parquet"]) {
    $(`#export-${kind}`).href = `/events.${kind}${params.toString() ? "?" + params : ""}`;
  }
  showError("");
  try {
    const page = new URLSearchParams(params);
    page.set("limit", "100");
    const [events, stats, points] = await Promise.all([
      api(`/events?${page}`), api(`/stats?${params}`), api(`/stats/places?${params}`),
    ]);
    renderCards(events.data, false);
    nextCursor = events.meta.next_cursor;
    $("#more").hidden = !nextCursor;
    renderTimeline(stats.data);
    renderMap(points.data);
    const total = stats.data.reduce((sum, row) => sum + row.count, 0);
    $("#summary").textContent = `${total} event${total === 1 ? "" : "s"}`;
  } catch (error) {
    showError(error.message);
  }
}

async function more() {
  const page = formParams();
  page.set("limit", "100");
  page.set("cursor", nextCursor);
  try {
    const events = await api(`/events?${page}`);
    renderCards(events.data, true);
    nextCursor = events.meta.next_cursor;
    $("#more").hidden = !nextCursor;
  } catch (error) {
    showError(error.message);
  }
}

// -- cards ----------------------------------------------------------------------

// TIMEX3 values as a reader says them ("2024-03-14TEV" -> "2024-03-14 evening"); the same
// rules as lagebild/timex/readable.py, held to the same answers by a browser test.
const PART_OF_DAY = { MO: "morning", MI: "midday", AF: "afternoon", EV: "evening",
  NI: "night", DT: "daytime" };
const YEAR_PARTS = { SP: "spring", SU: "summer", FA: "autumn", WI: "winter",
  H1: "first half", H2: "second half" };
const REFERENCES = { PRESENT_REF: "now", PAST_REF: "the past", FUTURE_REF: "the future" };

function ordinal(n) {
  if (n % 100 >= 10 && n % 100 <= 20) return `${n}th`;
  return n + ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] || "th");
}

function readableDate(value) {
  if (!value) return "";
  if (REFERENCES[value]) return REFERENCES[value];
  let m;
  if ((m = /^(\d{4}-\d{2}-\d{2})T(MO|MI|AF|EV|NI|DT)$/.exec(value))) return `${m[1]} ${PART_OF_DAY[m[2]]}`;
  if ((m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/.exec(value))) return `${m[1]} ${m[2]}`;
  if ((m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value))) {
    return `${m[1]} week ${Number(m[2])}${m[3] ? ", weekend" : ""}`;
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI|H1|H2)$/.exec(value))) return `${m[1]} ${YEAR_PARTS[m[2]]}`;
  if ((m = /^(\d{3})$/.exec(value))) return `${m[1]}0s`;
  if ((m = /^(\d{2})$/.exec(value))) return `${ordinal(Number(m[1]) + 1)} century`;
  return value;
}

function party(actor) {
  if (!actor) return null;
  return actor.org || actor.name || actor.code;
}

function headline(event) {
  const who = party(event.actor) || "someone";
  const whom = party(event.recipient);
  const parts = [event.type];
  if (event.quantity) parts.push(event.quantity.text);
  if (event.date) parts.push(readableDate(event.date));
  if (event.place) parts.push(event.place.name);
  return `${who}${whom ? " → " + whom : ""}: ${parts.join(", ")}`;
}

function reporter(event) {
  const article = event.article;
  let source = article.source || article.title || article.url || article.id;
  if (article.url && !article.source) {
    try { source = new URL(article.url).hostname; } catch (e) { /* keep the URL */ }
  }
  const said = event.attributed_to ? `, according to ${event.attributed_to.name}` : "";
  return `reported by ${source}${said}`;
}

function modalityBadge(modality) {
  return el("span", { class: `badge ${modality}`, title: "modality" }, modality);
}

function renderCards(events, append) {
  const list = $("#events");
  if (!append) list.replaceChildren();
  if (!events.length && !append) {
    list.append(el("li", { class: "empty" }, "No event matches these filters."));
  }
  for (const event of events) {
    const card = el("li", {
      class: "card", tabindex: "0", "data-id": event.id, "data-type": event.type,
      style: `--type:${COLORS[event.type] || "#888"}`,
      onclick: () => openEvent(event.id),
      onkeydown: (e) => { if (e.key === "Enter") openEvent(event.id); },
    },
    el("div", { class: "headline" }, headline(event), modalityBadge(event.modality)),
    el("div", { class: "where" }, `“${event.trigger.text}” — ${reporter(event)}`));
    list.append(card);
  }
}

// -- map ----------------------------------------------------------------------------

function ringPath(ring) {
  return "M" + ring.map(([lon, lat]) => `${(lon + 180).toFixed(2)},${(90 - lat).toFixed(2)}`)
    .join("L") + "Z";
}

function countryPath(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((polygon) => polygon.map(ringPath).join("")).join("");
}

function renderMap(points) {
  // points: one row per place and type, {name, country, lat, lon, type, count, event}
  const svg = $("#map");
  svg.replaceChildren();
  const active = new Set(points.map((p) => p.country));
  // fit the view to the events, never closer than 40° × 20°
  let [x0, y0, x1, y1] = [0, 0, 360, 180];
  if (points.length) {
    const xs = points.map((p) => p.lon + 180);
    const ys = points.map((p) => 90 - p.lat);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const w = Math.max(40, (Math.max(...xs) - Math.min(...xs)) * 1.4);
    const h = Math.max(20, (Math.max(...ys) - Math.min(...ys)) * 1.4, w / 2.4);
    const half = Math.max(w, h * 2.4) / 2;
    [x0, y0, x1, y1] = [cx - half, cy - h / 2, cx + half, cy + h / 2];
  }
  svg.setAttribute("viewBox", `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
  const land = el("svg:g", { class: "countries" });
  for (const feature of (outlines ? outlines.features : [])) {
    const code = feature.properties.iso2;
    land.append(el("svg:path", {
      class: `country${active.has(code) ? " active" : ""}`, d: countryPath(feature.geometry),
      "data-country": code,
    }, el("svg:title", {}, feature.properties.name)));
  }
  svg.append(land);
  // one circle per place and type, its area growing with the number of events; the types
  // of one place are set side by side
  const unit = (x1 - x0) / 150;
  const max = Math.max(1, ...points.map((p) => p.count));
  const seen = new Map();
  const layer = el("svg:g", { class: "points" });
  for (const point of points) {
    const key = `${point.lon},${point.lat}`;
    const index = seen.get(key) || 0;
    seen.set(key, index + 1);
    layer.append(el("svg:circle", {
      class: "event-point", cx: point.lon + 180 + unit * 1.2 * (index % 6),
      cy: 90 - point.lat + unit * 1.2 * Math.floor(index / 6),
      r: unit * (0.8 + 1.6 * Math.sqrt(point.count / max)), fill: COLORS[point.type],
      "data-type": point.type, "data-country": point.country, "data-id": point.event,
      onclick: () => openEvent(point.event),
    }, el("svg:title", {}, `${point.type} · ${point.name} · ${point.count} event(s)`)));
  }
  svg.append(layer);
  const types = TYPES.filter((type) => points.some((p) => p.type === type));
  $("#legend").replaceChildren(...types.map((type) => el("span", {},
    el("span", { class: "swatch", style: `background:${COLORS[type]}` }), " ", type)));
}

// -- timeline ----------------------------------------------------------------------

function renderTimeline(rows) {
  const svg = $("#timeline");
  svg.replaceChildren();
  const days = [...new Set(rows.filter((r) => r.day).map((r) => r.day))].sort();
  const width = 800, height = 150, left = 30, bottom = 20;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  if (!days.length) {
    svg.append(el("svg:text", { x: left, y: 40 }, "no dated events"));
    return;
  }
  const counts = new Map();  // day → type → count
  for (const row of rows) {
    if (!row.day) continue;
    const perType = counts.get(row.day) || new Map();
    perType.set(row.type, (perType.get(row.type) || 0) + row.count);
    counts.set(row.day, perType);
  }
  const max = Math.max(...[...counts.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const band = Math.min(60, (width - left - 10) / days.length);
  const scale = (height - bottom - 10) / max;
  days.forEach((day, i) => {
    let y = height - bottom;
    for (const type of TYPES) {
      const count = counts.get(day).get(type);
      if (!count) continue;
      const h = count * scale;
      y -= h;
      svg.append(el("svg:rect", {
        class: "bar", x: left + i * band + band * 0.1, y, width: Math.max(1, band * 0.8), height: h,
        fill: COLORS[type], "data-day": day, "data-type": type, "data-count": count,
        onclick: () => { const f = $("#filters"); f.elements.since.value = day; f.elements.until.value = day; refresh(); },
      }, el("svg:title", {}, `${day} · ${type}: ${count}`)));
    }
  });
  svg.append(el("svg:text", { x: left, y: height - 5 }, days[0]));
  if (days.length > 1) {
    svg.append(el("svg:text", { x: width - 10, y: height - 5, "text-anchor": "end" }, days[days.length - 1]));
  }
  svg.append(el("svg:text", { x: 2, y: 14 }, String(max)));
}

// -- event and article -------------------------------------------------------------

function marked(text, offset, spans) {
  // text with the given spans ({start, end, cls}) wrapped in <mark>, spans in text offsets
  const parts = [];
  let at = 0;
  for (const span of spans.filter((s) => s).sort((a, b) => a.start - b.start)) {
    const start = span.start - offset, end = span.end - offset;
    if (start < at || end > text.length) continue;
    parts.push(text.slice(at, start), el("mark", { class: span.cls }, text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

function facts(pairs) {
  return el("dl", { class: "facts" }, pairs.filter(([, v]) => v).map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
}

function who(actor) {
  return actor ? `${actor.name} (${actor.org || actor.code})` : null;
}

async function openEvent(id) {
  showError("");
  for (const card of document.querySelectorAll(".card")) card.classList.toggle("selected", card.dataset.id === id);
  let event;
  try {
    event = (await api(`/events/${id.split("/").map(encodeURIComponent).join("/")}`)).data;
  } catch (error) {
    showError(error.message);
    return;
  }
  const [start] = event.sentence;
  const sentence = el("p", { class: "sentence", "data-event": event.id }, marked(event.sentence_text, start, [
    { ...event.trigger, cls: "trigger" },
    event.quantity ? { ...event.quantity, cls: "amount" } : null,
  ]));
  const quote = event.quote ? `“${event.quote.text}”${event.quote.speaker ? " — " + (event.quote.speaker.name || event.quote.speaker.text) : ""}` : null;
  const sources = event.sources.map((s) => s.source || s.url || s.title || s.article_id);
  $("#event-detail").replaceChildren(
    el("h2", { class: "headline", style: `color:${COLORS[event.type]}` }, headline(event), modalityBadge(event.modality)),
    el("p", { class: "where" }, reporter(event)),
    sentence,
    facts([
      ["type", event.type + (event.mode ? ` (${event.mode})` : "")],
      ["modality", event.modality],
      ["actor", who(event.actor)],
      ["recipient", who(event.recipient)],
      ["date", readableDate(event.date)],
      ["place", event.place ? `${event.place.name} (${event.place.country || "?"})` : null],
      ["amount", event.quantity ? event.quantity.text : null],
      ["according to", event.attributed_to ? event.attributed_to.name : null],
      ["quote", quote],
      ["sources", sources.join(", ")],
    ]),
  );
  $("#detail").hidden = false;
  try {
    const doc = (await api(`/articles/${encodeURIComponent(event.article.id)}`)).data;
    renderArticle(doc, event);
  } catch (error) {
    showError(error.message);
  }
}

function articleSpans(doc, event) {
  const spans = [];
  const add = (start, end, cls, note, extra = {}) => spans.push({ start, end, cls, note, ...extra });
  for (const e of doc.entities) add(e.start, e.end, e.label + (e.place ? " place" : ""), e.label);
  for (const t of doc.times) add(t.start, t.end, "time", `time ${readableDate(t.value)} (${t.value})`);
  for (const a of doc.amounts) add(a.start, a.end, "amount", `amount ${a.value}${a.unit ? " " + a.unit : ""}`);
  for (const q of doc.quotes) add(q.start, q.end, "quote", `quote${q.speaker ? " of " + q.speaker.text : ""}`);
  for (const ev of doc.events) {
    add(ev.trigger.start, ev.trigger.end, "trigger", `${ev.type} (${ev.modality})`, { event: `${doc.id}/${ev.id}` });
  }
  if (event) add(event.sentence[0], event.sentence[1], "current", "this event's sentence");
  return spans;
}

function renderArticle(doc, event) {
  $("#article-title").textContent = doc.title || doc.id;
  $("#article-meta").textContent = [doc.source, doc.published, doc.url].filter((x) => x).join(" · ");
  const text = doc.text;
  const spans = articleSpans(doc, event);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const box = $("#article-text");
  box.replaceChildren();
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) { box.append(piece); continue; }
    const trigger = covering.find((s) => s.event);
    box.append(el("span", {
      class: covering.map((s) => s.cls).join(" "),
      title: covering.filter((s) => s.cls !== "current").map((s) => s.note).join(" · ") || null,
      "data-event": trigger ? trigger.event : null,
      onclick: trigger ? () => openEvent(trigger.event) : null,
    }, piece));
  }
  const current = box.querySelector(".current");
  if (current) current.scrollIntoView({ block: "nearest" });
}

function buildLayerToggles() {
  const box = $("#layers");
  const text = $("#article-text");
  for (const [cls, label] of LAYERS) {
    text.classList.add(`hl-${cls}`);
    box.append(el("label", {}, el("input", {
      type: "checkbox", checked: "", "data-layer": cls,
      onchange: (e) => text.classList.toggle(`hl-${cls}`, e.target.checked),
    }), " ", el("span", { class: cls }, label)));
  }
}

// -- start ---------------------------------------------------------------------------

async function start() {
  buildTypeBoxes();
  buildLayerToggles();
  setForm(new URLSearchParams(location.search));
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("#filters").addEventListener("reset", () => setTimeout(refresh, 0));
  $("#more").addEventListener("click", more);
  $("#close").addEventListener("click", () => { $("#detail").hidden = true; });
  try {
    outlines = await fetch("/static/countries.geojson").then((r) => r.json());
  } catch (error) {
    outlines = null;  // the map still shows its points
  }
  await refresh();
  document.body.dataset.ready = "true";
}

start();
