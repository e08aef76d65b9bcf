// lagebild web page: filters → /events, /stats and /stats/places; a card → /events/{id}
// and /articles/{id}. Plain browser JavaScript, no build step, nothing fetched from elsewhere.
//
// The view lives in the URL's query string: the filters, `event` (an open event with its
// article) or `article` (an article alone). Every change is a history entry, so back,
// forward, reload and a link sent to someone else all show the same view.
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
const FIELDS = ["modality", "min_confidence", "actor", "recipient", "country", "since", "until",
  "q"];
const LAYERS = [["trigger", "event triggers"], ["amount", "amounts"], ["time", "times"],
  ["place", "places"], ["PER", "persons"], ["ORG", "organisations"], ["LOC", "other locations"],
  ["MISC", "other names"], ["quote", "quotes"]];
const SVG = "http://www.w3.org/2000/svg";
const $ = (sel) => document.querySelector(sel);

let outlines = null;
let nextCursor = null;
let shownFilters = null;  // the filters (query string) the overview was last loaded with
let shownDetail = null;   // "event:ID", "article:ID" or null: what the side panel shows
let lastStats = [];       // kept to redraw the map and timeline when the page is resized
let lastPoints = [];
let detailRequest = 0;    // a slow answer for an older request is dropped

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

// -- the view in the URL ------------------------------------------------------------

function filtersOf(params) {
  // the filters of a query string, in a fixed order (so equal filters give equal strings)
  const out = new URLSearchParams();
  const types = (params.get("type") || "").split(",").filter((t) => TYPES.includes(t));
  if (types.length) out.set("type", types.join(","));
  for (const name of FIELDS) {
    const value = (params.get(name) || "").trim();
    if (value) out.set(name, value);
  }
  return out;
}

function urlFor(params) {
  const query = params.toString();
  return location.pathname + (query ? `?${query}` : "");
}

function viewParams(detail) {
  // the URL's filters with `detail` ({event} or {article}) as the open panel
  const params = filtersOf(new URLSearchParams(location.search));
  if (detail && detail.event) params.set("event", detail.event);
  else if (detail && detail.article) params.set("article", detail.article);
  return params;
}

function currentDetail() {
  const params = new URLSearchParams(location.search);
  if (params.get("event")) return { event: params.get("event") };
  if (params.get("article")) return { article: params.get("article") };
  return null;
}

function navigate(params) {
  // a new history entry for the view `params`, then show it
  const url = urlFor(params);
  if (url !== location.pathname + location.search) history.pushState(null, "", url);
  return show();
}

function eventLink(id) {
  return new URL(urlFor(viewParams({ event: id })), location.href).href;
}

async function show() {
  // bring the page in line with the URL: overview for its filters, panel for its detail
  const params = new URLSearchParams(location.search);
  const filters = filtersOf(params);
  if (filters.toString() !== shownFilters) {
    shownFilters = filters.toString();
    setForm(filters);
    await refresh(filters);
  }
  const detail = params.get("event") ? `event:${params.get("event")}`
    : params.get("article") ? `article:${params.get("article")}` : null;
  if (detail !== shownDetail) {
    shownDetail = detail;
    if (!detail) closeDetail();
    else if (detail.startsWith("event:")) await showEvent(params.get("event"));
    else await showArticle(params.get("article"));
  }
  markSelected();
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
  const set = [...params.keys()].length;
  $("#filters-toggle").textContent = set ? `Filters (${set} set)` : "Filters";
}

function applyFilters(changes = {}) {
  // the form's filters (with `changes`) as a new view; the open panel stays open
  const params = formParams();
  for (const [name, value] of Object.entries(changes)) params.set(name, value);
  const detail = currentDetail();
  if (detail && detail.event) params.set("event", detail.event);
  else if (detail && detail.article) params.set("article", detail.article);
  return navigate(params);
}

function showError(message) {
  const box = $("#error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function refresh(params) {
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
    lastStats = stats.data;
    lastPoints = points.data;
    renderTimeline(lastStats);
    renderMap(lastPoints);
    const total = stats.data.reduce((sum, row) => sum + row.count, 0);
    $("#summary").textContent = `${total} event${total === 1 ? "" : "s"}`;
  } catch (error) {
    showError(error.message);
  }
}

async function more() {
  const page = new URLSearchParams(shownFilters || "");
  page.set("limit", "100");
  page.set("cursor", nextCursor);
  try {
    const events = await api(`/events?${page}`);
    renderCards(events.data, true);
    nextCursor = events.meta.next_cursor;
    $("#more").hidden = !nextCursor;
    markSelected();
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

function published(value) {
  // a publication date or datetime as a reader says it ("2026-03-04 08:00")
  return value ? readableDate(value.slice(0, 16)) : "";
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
  if (event.date) parts.push(el("span", { class: "date" }, readableDate(event.date)));
  if (event.place) parts.push(event.place.name);
  return [`${who}${whom ? " → " + whom : ""}: `, parts.map((part, i) => (i ? [", ", part] : part))];
}

function host(url) {
  try { return new URL(url).hostname.replace(/^www\./, ""); } catch (e) { return null; }
}

function sourceName(article) {
  // the feed's or site's name; for a source that is only an address, its host name
  const source = (article.source || "").trim();
  if (source && !/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return source;
  return host(source) || host(article.url) || "unknown source";
}

function titleLink(article, inPage) {
  // the article's title as a link: to the original, or (inPage) to the article on this page
  const text = article.title || host(article.url) || article.id || "untitled";
  if (inPage && article.id) {
    return el("a", {
      class: "article-link", href: urlFor(viewParams({ article: article.id })),
      onclick: (e) => { if (plainClick(e)) { e.preventDefault(); navigate(viewParams({ article: article.id })); } },
    }, text);
  }
  if (!article.url) return el("cite", {}, text);
  return el("a", { class: "article-link", href: article.url, target: "_blank", rel: "noopener" }, text);
}

function plainClick(e) {
  return e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
}

function reporter(event) {
  // "Beispielblatt: <title>, according to …"
  const article = event.article;
  return el("span", { class: "reporter" },
    el("span", { class: "source" }, sourceName(article)), ": ",
    titleLink(article, false),
    event.attributed_to ? `, according to ${event.attributed_to.name}` : null);
}

function modalityBadge(modality) {
  return el("span", { class: `badge ${modality}`, title: "modality" }, modality);
}

function permalink(id) {
  // a link to the event on this page; a plain click copies it and opens the event
  return el("a", {
    class: "permalink", href: urlFor(viewParams({ event: id })), title: "Copy the link to this event",
    onclick: (e) => {
      if (!plainClick(e)) return;
      e.preventDefault();
      e.stopPropagation();
      copy(eventLink(id)).then((copied) => {
        if (!copied) return;
        e.target.textContent = "link copied";
        setTimeout(() => { e.target.textContent = "copy link"; }, 1500);
      });
      openEvent(id);
    },
  }, "copy link");
}

async function copy(text) {
  // to the clipboard: the Clipboard API where the page is a secure context (localhost,
  // HTTPS), the older copy command elsewhere; false where neither is allowed
  if (navigator.clipboard && window.isSecureContext) {
    try { await navigator.clipboard.writeText(text); return true; } catch (e) { /* below */ }
  }
  const area = el("textarea", { readonly: "", style: "position:fixed;top:0;left:0;opacity:0" }, text);
  document.body.append(area);
  area.select();
  let copied = false;
  try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
  area.remove();
  return copied;
}

function openEvent(id) {
  return navigate(viewParams({ event: id }));
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
      onclick: (e) => { if (!e.target.closest("a")) openEvent(event.id); },
      onkeydown: (e) => { if (e.key === "Enter" && e.target === e.currentTarget) openEvent(event.id); },
    },
    el("div", { class: "headline" }, headline(event), modalityBadge(event.modality)),
    el("div", { class: "where" }, `“${event.trigger.text}” — `, reporter(event)),
    el("div", { class: "card-foot" }, permalink(event.id)));
    list.append(card);
  }
}

function markSelected() {
  const detail = currentDetail();
  const id = detail && detail.event;
  for (const card of document.querySelectorAll(".card")) card.classList.toggle("selected", card.dataset.id === id);
}

// -- map ----------------------------------------------------------------------------
// Plate carrée in map units: x = lon + 180 (0–360), y = 90 − lat (0–180). The outlines are
// cut at the antimeridian (training/country_outlines.py), so no shape runs across the world.

function ringPath(ring) {
  return "M" + ring.map(([lon, lat]) => `${(lon + 180).toFixed(2)},${(90 - lat).toFixed(2)}`)
    .join("L") + "Z";
}

function polygonPaths(geometry) {
  // one path per polygon, so that a country on both sides of the map (Russia, Fiji) is two
  // shapes at the two edges, not one across the whole map
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((polygon) => polygon.map(ringPath).join(""));
}

function fitView(points, aspect) {
  // the part of the world that holds every point with a margin, in the box's proportions,
  // never closer than 24° across and never beyond the world's edges
  if (!points.length) return fitBox(180, 90, 360, 180, aspect);
  const xs = points.map((p) => p.lon + 180), ys = points.map((p) => 90 - p.lat);
  const [xa, xb, ya, yb] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return fitBox((xa + xb) / 2, (ya + yb) / 2, Math.max(24, (xb - xa) * 1.3 + 8),
    Math.max(12, (yb - ya) * 1.3 + 8), aspect);
}

function fitBox(cx, cy, w, h, aspect) {
  if (w / h < aspect) w = h * aspect; else h = w / aspect;
  if (w > 360 || h > 180) {  // the whole world, centred, the rest of the box sea
    w = Math.max(360, 180 * aspect);
    h = w / aspect;
    return [180 - w / 2, 90 - h / 2, w, h];
  }
  return [Math.min(Math.max(cx - w / 2, 0), 360 - w), Math.min(Math.max(cy - h / 2, 0), 180 - h), w, h];
}

function renderMap(points) {
  // points: one row per place and type, {name, country, lat, lon, type, count, event}
  const svg = $("#map");
  svg.replaceChildren();
  const box = svg.getBoundingClientRect();
  const aspect = box.width && box.height ? box.width / box.height : 2;
  const [x0, y0, w, h] = fitView(points, aspect);
  svg.setAttribute("viewBox", `${x0.toFixed(2)} ${y0.toFixed(2)} ${w.toFixed(2)} ${h.toFixed(2)}`);
  const active = new Set(points.map((p) => p.country));
  const land = el("svg:g", { class: "countries" });
  for (const feature of (outlines ? outlines.features : [])) {
    const code = feature.properties.iso2;
    const classes = ["country", active.has(code) ? "active" : "", feature.properties.seam ? "seam" : ""];
    for (const d of polygonPaths(feature.geometry)) {
      land.append(el("svg:path", { class: classes.filter((c) => c).join(" "), d, "data-country": code },
        el("svg:title", {}, feature.properties.name)));
    }
  }
  svg.append(land);
  // one circle per place and type, its area growing with the number of events; the types
  // of one place are set side by side
  const unit = w / 150;
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
    el("span", { class: "swatch", style: `background:${COLORS[type]}` }), " ", type.toLowerCase())));
}

// -- timeline ----------------------------------------------------------------------
// Drawn in CSS pixels (the viewBox is the box's own size), so labels keep their size on
// any screen. Bars per day; per month or year when the dates span more than 18 months or
// 40 years. Clicking a bar filters to its day, month or year.

const DAY_MS = 86400000;
const BUCKETS = {
  day: {
    key: (day) => day,
    index: (key) => Date.UTC(+key.slice(0, 4), +key.slice(5, 7) - 1, +key.slice(8, 10)) / DAY_MS,
    key_of: (n) => new Date(n * DAY_MS).toISOString().slice(0, 10),
    range: (key) => [key, key],
  },
  month: {
    key: (day) => day.slice(0, 7),
    index: (key) => +key.slice(0, 4) * 12 + +key.slice(5, 7) - 1,
    key_of: (n) => `${String(Math.floor(n / 12)).padStart(4, "0")}-${String(n % 12 + 1).padStart(2, "0")}`,
    range: (key) => [`${key}-01`, new Date(Date.UTC(+key.slice(0, 4), +key.slice(5, 7), 0)).toISOString().slice(0, 10)],
  },
  year: {
    key: (day) => day.slice(0, 4),
    index: (key) => +key,
    key_of: (n) => String(n).padStart(4, "0"),
    range: (key) => [`${key}-01-01`, `${key}-12-31`],
  },
};

function ticks(max) {
  // 0 and a few round counts up to max
  const rough = max / 3;
  const power = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough));
  const out = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

function renderTimeline(rows) {
  const svg = $("#timeline");
  svg.replaceChildren();
  const width = Math.max(240, Math.round(svg.getBoundingClientRect().width) || 800);
  const height = 170, left = 40, right = 14, top = 12, bottom = 28;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const dated = rows.filter((r) => r.day && /^\d{4}-\d{2}-\d{2}$/.test(r.day));
  const undated = rows.reduce((sum, r) => sum + r.count, 0) - dated.reduce((sum, r) => sum + r.count, 0);
  $("#timeline-note").textContent = undated
    ? `${undated} event${undated === 1 ? "" : "s"} not dated to a day (not shown)` : "";
  if (!dated.length) {
    svg.append(el("svg:text", { x: left, y: 40 }, "no events dated to a day"));
    return;
  }
  const days = dated.map((r) => r.day).sort();
  const spanDays = BUCKETS.day.index(days[days.length - 1]) - BUCKETS.day.index(days[0]);
  const bucket = BUCKETS[spanDays <= 550 ? "day" : spanDays <= 40 * 366 ? "month" : "year"];
  const counts = new Map();  // bucket key → type → count
  for (const row of dated) {
    const key = bucket.key(row.day);
    const perType = counts.get(key) || new Map();
    perType.set(row.type, (perType.get(row.type) || 0) + row.count);
    counts.set(key, perType);
  }
  const keys = [...counts.keys()].sort();
  const first = bucket.index(keys[0]);
  const span = bucket.index(keys[keys.length - 1]) - first + 1;
  const plot = width - left - right;
  const band = plot / span;
  const max = Math.max(...[...counts.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const scale = (height - top - bottom) / max;
  const base = height - bottom;
  for (const value of ticks(max)) {
    const y = base - value * scale;
    svg.append(el("svg:line", { class: "grid", x1: left, x2: width - right, y1: y, y2: y }));
    svg.append(el("svg:text", { class: "count", x: left - 6, y: y + 4, "text-anchor": "end" }, String(value)));
  }
  const gap = band >= 4 ? Math.max(band * 0.15, (band - 56) / 2) : 0;  // bars at most 56 px wide
  for (const key of keys) {
    const x = left + (bucket.index(key) - first) * band;
    let y = base;
    for (const type of TYPES) {
      const count = counts.get(key).get(type);
      if (!count) continue;
      const h = count * scale;
      y -= h;
      const [since, until] = bucket.range(key);
      svg.append(el("svg:rect", {
        class: "bar", x: x + gap, y, width: Math.max(1, band - 2 * gap), height: h,
        fill: COLORS[type], "data-day": key, "data-type": type, "data-count": count,
        onclick: () => applyFilters({ since, until }),
      }, el("svg:title", {}, `${readableDate(key)} · ${type}: ${count}`)));
    }
  }
  // labels under the axis: first, last and evenly between, about 110 px apart
  const room = Math.max(1, Math.min(span - 1, Math.floor(plot / 110)));
  const shown = new Set();
  for (let k = 0; k <= room; k++) shown.add(first + Math.round(k * (span - 1) / room));
  for (const n of shown) {
    const x = left + (n - first + 0.5) * band;
    const anchor = span === 1 ? "middle" : n === first ? "start" : n === first + span - 1 ? "end" : "middle";
    const at = anchor === "start" ? left : anchor === "end" ? width - right : x;
    svg.append(el("svg:line", { class: "tick", x1: x, x2: x, y1: base, y2: base + 4 }));
    svg.append(el("svg:text", { class: "axis", x: at, y: height - 8, "text-anchor": anchor },
      readableDate(bucket.key_of(n))));
  }
  svg.append(el("svg:line", { class: "axis-line", x1: left, x2: width - right, y1: base, y2: base }));
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

function sourceList(sources) {
  // each source by its name, with its article's title as the link (to the article here)
  if (!sources.length) return null;
  return el("ul", { class: "sources" }, sources.map((s) => el("li", {},
    el("span", { class: "source" }, sourceName(s)), ": ",
    s.kind === "article" ? titleLink({ id: s.article_id, title: s.title, url: s.url }, true)
      : titleLink({ title: s.url ? host(s.url) : s.kind, url: s.url }, false),
    s.kind !== "article" ? ` (${s.kind})` : null,
    s.published ? `, ${published(s.published)}` : null)));
}

function openPanel() {
  const panel = $("#detail");
  const opening = panel.hidden;
  panel.hidden = false;
  document.body.classList.add("detail-open");
  // over the page (narrower screens) the panel takes the keyboard focus while it is open
  if (opening && getComputedStyle(panel).position === "fixed") $("#close").focus({ preventScroll: true });
}

function closeDetail() {
  $("#detail").hidden = true;
  document.body.classList.remove("detail-open");
}

async function showEvent(id) {
  showError("");
  const request = ++detailRequest;
  let event;
  try {
    event = (await api(`/events/${id.split("/").map(encodeURIComponent).join("/")}`)).data;
  } catch (error) {
    showError(error.message);
    return;
  }
  if (request !== detailRequest) return;
  const [start] = event.sentence;
  const sentence = el("p", { class: "sentence", "data-event": event.id }, marked(event.sentence_text, start, [
    { ...event.trigger, cls: "trigger" },
    event.quantity ? { ...event.quantity, cls: "amount" } : null,
  ]));
  const quote = event.quote ? `“${event.quote.text}”${event.quote.speaker ? " — " + (event.quote.speaker.name || event.quote.speaker.text) : ""}` : null;
  $("#event-detail").replaceChildren(
    el("h2", { class: "headline", style: `color:${COLORS[event.type]}` }, headline(event), modalityBadge(event.modality)),
    el("p", { class: "where" }, reporter(event), " · ", el("a", { class: "permalink", href: urlFor(viewParams({ event: event.id })) }, "link to this event")),
    sentence,
    facts([
      ["type", event.type + (event.mode ? ` (${event.mode})` : "")],
      ["modality", event.modality],
      ["confidence", event.confidence === null || event.confidence === undefined ? null
        : event.confidence.toFixed(2)],
      ["actor", who(event.actor)],
      ["recipient", who(event.recipient)],
      ["date", readableDate(event.date)],
      ["place", event.place ? `${event.place.name} (${event.place.country || "?"})` : null],
      ["amount", event.quantity ? event.quantity.text : null],
      ["according to", event.attributed_to ? event.attributed_to.name : null],
      ["quote", quote],
      ["sources", sourceList(event.sources)],
    ]),
  );
  openPanel();
  await loadArticle(event.article.id, event, request);
}

async function showArticle(id) {
  showError("");
  const request = ++detailRequest;
  $("#event-detail").replaceChildren();
  openPanel();
  await loadArticle(id, null, request);
}

async function loadArticle(id, event, request) {
  try {
    const doc = (await api(`/articles/${encodeURIComponent(id)}`)).data;
    if (request === detailRequest) renderArticle(doc, event);
  } catch (error) {
    showError(error.message);
  }
}

function articleSpans(doc, event) {
  const spans = [];
  const add = (start, end, cls, note, extra = {}) => spans.push({ start, end, cls, note, ...extra });
  for (const e of doc.entities) add(e.start, e.end, e.label + (e.place ? " place" : ""), e.label);
  for (const t of doc.times) add(t.start, t.end, "time", `time: ${readableDate(t.value)}`);
  for (const a of doc.amounts) add(a.start, a.end, "amount", `amount ${a.value}${a.unit ? " " + a.unit : ""}`);
  for (const q of doc.quotes) add(q.start, q.end, "quote", `quote${q.speaker ? " of " + q.speaker.text : ""}`);
  for (const ev of doc.events) {
    add(ev.trigger.start, ev.trigger.end, "trigger", `${ev.type} (${ev.modality})`, { event: `${doc.id}/${ev.id}` });
  }
  if (event) add(event.sentence[0], event.sentence[1], "current", "this event's sentence");
  return spans;
}

function renderArticle(doc, event) {
  const link = titleLink({ id: doc.id, title: doc.title, url: doc.url }, false);
  $("#article-title").replaceChildren(link);
  $("#article-meta").replaceChildren(
    el("span", { class: "source" }, sourceName(doc)),
    doc.published ? ` · published ${published(doc.published)}` : null,
    ` · ${doc.events.length} event${doc.events.length === 1 ? "" : "s"}`);
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
  // the article scrolls in its own box (wide screens) to the event's sentence; the panel
  // itself starts at its top, with the event
  const current = box.querySelector(".current");
  box.scrollTop = current && box.scrollHeight > box.clientHeight
    ? Math.max(0, current.offsetTop - box.offsetTop - 24) : 0;
  $("#detail").scrollTop = 0;
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

function redrawOnResize() {
  // the map and timeline are drawn for their box's size: redrawn when it changes (window
  // resized, side panel opened or closed)
  const sizes = new Map();
  let timer = null;
  const observer = new ResizeObserver((entries) => {
    let changed = false;
    for (const entry of entries) {
      const size = `${Math.round(entry.contentRect.width)}x${Math.round(entry.contentRect.height)}`;
      if (sizes.has(entry.target) && sizes.get(entry.target) !== size) changed = true;
      sizes.set(entry.target, size);
    }
    if (!changed) return;
    clearTimeout(timer);
    timer = setTimeout(() => { renderTimeline(lastStats); renderMap(lastPoints); }, 60);
  });
  observer.observe($("#map"));
  observer.observe($("#timeline"));
}

async function start() {
  buildTypeBoxes();
  buildLayerToggles();
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); applyFilters(); });
  $("#filters").addEventListener("reset", () => setTimeout(applyFilters, 0));
  $("#filters-toggle").addEventListener("click", () => {
    const open = $("#filters").classList.toggle("open");
    $("#filters-toggle").setAttribute("aria-expanded", String(open));
  });
  $("#more").addEventListener("click", more);
  $("#close").addEventListener("click", () => navigate(viewParams(null)));
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !$("#detail").hidden) navigate(viewParams(null));
  });
  window.addEventListener("popstate", () => show());
  redrawOnResize();
  try {
    outlines = await fetch("/static/countries.geojson").then((r) => r.json());
  } catch (error) {
    outlines = null;  // the map still shows its points
  }
  await show();
  document.body.dataset.ready = "true";
}

start();
