// ArcSynth dashboard: plain JavaScript over the REST API (/api), one init function per page.
"use strict";

const ARC_PALETTE = ["#000000", "#0074D9", "#FF4136", "#2ECC40", "#FFDC00", "#AAAAAA", "#F012BE", "#FF851B", "#7FDBFF", "#870C25"];
const SVG_NS = "http://www.w3.org/2000/svg";
const POLL_MS = 2000;

// --- helpers -----------------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === "text") node.textContent = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  return node;
}

/** Fetches JSON from the API; a problem-details answer becomes an Error with its title and detail, and the problem itself as `problem`. */
async function api(path, options = {}) {
  const response = await fetch(path, { headers: { "Content-Type": "application/json" }, ...options });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const fields = body && body.errors ? Object.entries(body.errors).map(([f, m]) => `${f}: ${m.join(", ")}`).join("; ") : "";
    const error = new Error([body && body.title, body && body.detail, fields].filter(Boolean).join(" — ") || `HTTP ${response.status}`);
    error.problem = body;
    throw error;
  }
  return body;
}

function query(name) { return new URLSearchParams(location.search).get(name); }

function say(id, text) { document.getElementById(id).textContent = text || ""; }

function score(p) { return `${p.exact}/${p.pairs} exact, distance ${p.meanDistance.toFixed(3)}, ${p.length} lines`; }

/** A grid as an SVG of cells in the ARC palette; cells that differ from `expected` are outlined. */
function gridSvg(rows, expected, caption) {
  const figure = el("figure");
  if (!rows) {
    figure.append(el("div", { class: "no-output", text: "no output" }));
  } else {
    const h = rows.length, w = rows[0].length, cell = Math.max(4, Math.min(16, Math.floor(160 / Math.max(h, w))));
    const image = svg("svg", { class: "grid", width: w * cell, height: h * cell, "data-rows": h, "data-columns": w });
    const sameShape = expected && expected.length === h && expected[0].length === w;
    let differing = 0;
    rows.forEach((row, i) => row.forEach((v, j) => {
      const differs = expected && (!sameShape || expected[i][j] !== v);
      if (differs) differing++;
      image.append(svg("rect", { x: j * cell, y: i * cell, width: cell, height: cell, fill: ARC_PALETTE[v] ?? "#fff", class: differs ? "cell diff" : "cell" }));
    }));
    image.dataset.differing = differing;
    figure.append(image);
  }
  figure.append(el("figcaption", { text: caption }));
  return figure;
}

// --- overview ----------------------------------------------------------------------------------

const SERIES = [
  { key: "training", of: "demonstrations", label: "training · demonstrations", color: "#2a62c9", dash: "" },
  { key: "training", of: "test", label: "training · test", color: "#2a62c9", dash: "6 4" },
  { key: "evaluation", of: "demonstrations", label: "evaluation · demonstrations", color: "#e8590c", dash: "" },
  { key: "evaluation", of: "test", label: "evaluation · test", color: "#e8590c", dash: "6 4" },
];

function drawChart(points) {
  const chart = document.getElementById("chart");
  chart.replaceChildren();
  const width = +chart.getAttribute("width"), height = +chart.getAttribute("height");
  const left = 48, right = 16, top = 12, bottom = 36;
  const maxX = Math.max(0, ...points.map(p => p.iteration));
  const maxY = Math.max(1, ...points.flatMap(p => [p.training.tasks, p.evaluation.tasks]));
  const minX = Math.min(0, ...points.map(p => p.iteration));
  const x = i => left + (maxX === minX ? 0.5 : (i - minX) / (maxX - minX)) * (width - left - right);
  const y = v => height - bottom - (v / maxY) * (height - top - bottom);
  const axis = svg("g", { class: "axis" });
  axis.append(svg("line", { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom }));
  axis.append(svg("line", { x1: left, y1: top, x2: left, y2: height - bottom }));
  for (const t of [0, Math.round(maxY / 2), maxY]) {
    const label = svg("text", { x: left - 8, y: y(t) + 4, "text-anchor": "end" });
    label.textContent = t;
    axis.append(label);
  }
  for (const p of points) {
    const label = svg("text", { x: x(p.iteration), y: height - bottom + 16, "text-anchor": "middle" });
    label.textContent = p.iteration;
    axis.append(label);
  }
  const caption = svg("text", { x: (left + width - right) / 2, y: height - 4, "text-anchor": "middle" });
  caption.textContent = "iteration (y: tasks solved)";
  axis.append(caption);
  chart.append(axis);
  for (const s of SERIES.filter(s => points.some(p => p[s.key].tasks > 0))) {
    const group = svg("g", { class: "series", "data-series": s.label });
    const path = points.map((p, k) => `${k ? "L" : "M"}${x(p.iteration)},${y(p[s.key][s.of])}`).join(" ");
    group.append(svg("path", { d: path, stroke: s.color, "stroke-dasharray": s.dash }));
    for (const p of points) {
      const dot = svg("circle", { class: "point", cx: x(p.iteration), cy: y(p[s.key][s.of]), r: 4, fill: s.color });
      const title = svg("title");
      title.textContent = `${s.label}, iteration ${p.iteration}: ${p[s.key][s.of]} of ${p[s.key].tasks}`;
      dot.append(title);
      group.append(dot);
    }
    chart.append(group);
  }
  const legend = document.getElementById("legend");
  legend.replaceChildren(...SERIES.filter(s => points.some(p => p[s.key].tasks > 0)).map(s => el("span", { style: `--swatch:${s.color}`, text: s.label })));
}

async function overview() {
  const select = document.getElementById("run-select");
  let runs = [];
  let timer = null;

  async function loadRuns(selectId) {
    runs = await api("/api/runs");
    const chosen = selectId ?? (select.value ? +select.value : runs[0]?.id);
    select.replaceChildren(...runs.map(r => el("option", { value: r.id, text: `#${r.id} ${r.name}` })));
    if (chosen !== undefined) select.value = chosen;
  }

  async function refresh() {
    clearTimeout(timer);
    try {
      await loadRuns();
      const run = runs.find(r => r.id === +select.value);
      if (!run) { say("run-phase", "no run yet: start one below"); return; }
      const status = document.getElementById("run-status");
      status.textContent = run.status;
      status.className = `status ${run.status}`;
      const p = run.progress, live = p.live;
      const phase = live ? `iteration ${Math.max(0, live.iteration)} · ${live.phase} ${live.done}/${live.total}${live.detail ? " · " + live.detail : ""}` : "";
      say("run-phase", `${run.tasks} · ${p.iterationsDone}/${p.iterations} iterations · ${p.completedSteps} steps${phase ? " · " + phase : ""}`);
      const within = live && live.total > 0 ? live.done / live.total : 0;
      document.getElementById("run-progress").style.width = `${Math.min(100, 100 * (p.iterationsDone + (run.status === "Running" ? within : 0)) / Math.max(1, p.iterations)).toFixed(1)}%`;
      document.getElementById("pause").disabled = run.status !== "Running";
      document.getElementById("resume").disabled = run.status !== "Paused";
      document.getElementById("cancel").disabled = !["Running", "Paused"].includes(run.status);
      drawChart(await api(`/api/runs/${run.id}/chart`));
      const tasks = await api(`/api/runs/${run.id}/tasks`);
      document.querySelector("#tasks tbody").replaceChildren(...tasks.map(t => el("tr", {},
        el("td", {}, el("a", { href: `task.html?run=${run.id}&task=${encodeURIComponent(t.taskId)}`, text: t.taskId })),
        el("td", { text: t.split }),
        el("td", { text: t.solvedDemonstrations ? "solved" : "—" }),
        el("td", { text: t.solvedTest === null ? "unknown" : t.solvedTest ? "solved" : "—" }))));
      say("control-message", "");
      if (run.status === "Running") timer = setTimeout(refresh, POLL_MS);
    } catch (e) {
      say("control-message", e.message);
      timer = setTimeout(refresh, POLL_MS);
    }
  }

  select.addEventListener("change", refresh);
  for (const action of ["pause", "resume", "cancel"]) {
    document.getElementById(action).addEventListener("click", async () => {
      try { await api(`/api/runs/${select.value}/${action}`, { method: "POST" }); } catch (e) { say("control-message", e.message); }
      refresh();
    });
  }
  document.getElementById("start-form").addEventListener("submit", async event => {
    event.preventDefault();
    const f = event.target.elements;
    const config = {
      name: f.name.value,
      tasks: f.tasks.value,
      settings: { targetLimit: +f.targetLimit.value, iterations: +f.iterations.value, samplesPerTask: +f.samplesPerTask.value },
    };
    try {
      if (f.cron.value.trim()) {
        const schedule = await api("/api/schedules", { method: "POST", body: JSON.stringify({ cron: f.cron.value.trim(), run: config }) });
        say("start-message", `scheduled as ${schedule.name} (see Jobs)`);
      } else {
        const run = await api("/api/runs", { method: "POST", body: JSON.stringify(config) });
        say("start-message", "");
        await loadRuns(run.id);
        refresh();
      }
    } catch (e) {
      say("start-message", e.message);
    }
  });
  refresh();
}

// --- task --------------------------------------------------------------------------------------

async function task() {
  const run = query("run"), id = query("task");
  try {
    const t = await api(`/api/runs/${run}/tasks/${encodeURIComponent(id)}`);
    say("task-title", `Task ${t.id} (${t.split}) · run #${run}`);
    const r = t.result;
    say("task-result", r ? `iteration ${r.iteration}: demonstrations ${r.solvedDemonstrations ? "solved" : "not solved"}, test ${r.solvedTest === null ? "unknown" : r.solvedTest ? "solved" : "not solved"}` : "no result yet");
    for (const [where, pairs, name] of [["train", t.train, "demonstration"], ["test", t.test, "test"]]) {
      document.getElementById(where).replaceChildren(...pairs.map((p, k) => el("div", { class: "pair" },
        gridSvg(p.input, null, `${name} ${k + 1} input`), el("span", { text: "→" }), gridSvg(p.output, null, "expected"))));
    }
    const pairs = [...t.train, ...t.test];
    const outputsOf = p => [...p.outputs.train, ...p.outputs.test];
    document.getElementById("programs").replaceChildren(...t.programs.map(p => {
      const block = el("div", { class: "program-block" },
        el("div", {}, el("a", { href: `program.html?id=${p.id}`, text: `program ${p.id}` }), el("span", { class: "muted", text: ` · ${p.source} · iteration ${p.iteration} · ${score(p)}` })),
        el("pre", { class: "program", text: p.text }));
      const outputs = el("div", { class: "pairs" });
      pairs.forEach((pair, k) => outputs.append(el("div", { class: "pair" },
        gridSvg(outputsOf(p)[k], pair.output, `${k < t.train.length ? "demonstration " + (k + 1) : "test " + (k - t.train.length + 1)}: output`),
        gridSvg(pair.output, null, "expected"))));
      block.append(outputs);
      return block;
    }));
    if (t.programs.length === 0) document.getElementById("programs").textContent = "no program scored on this task yet";
  } catch (e) {
    say("message", e.message);
  }
}

// --- program -----------------------------------------------------------------------------------

async function program() {
  try {
    const d = await api(`/api/programs/${encodeURIComponent(query("id"))}`);
    const p = d.program;
    say("program-title", `Program ${p.id}`);
    document.getElementById("program-facts").replaceChildren(...[
      ["task", el("a", { href: `task.html?run=${p.runId}&task=${encodeURIComponent(p.taskId)}`, text: p.taskId })],
      ["run", el("a", { href: "index.html", text: `#${p.runId}` })],
      ["iteration", p.iteration], ["source", p.source], ["score", score(p)], ["in replay buffer", p.inBuffer ? "yes" : "no"],
    ].map(([k, v]) => el("tr", {}, el("th", { text: k }), el("td", {}, v))));
    document.getElementById("program-text").textContent = p.text;
    const rows = [p, ...d.lineage].map(q => el("tr", {},
      el("td", {}, el("a", { href: `program.html?id=${q.id}`, text: `program ${q.id}` })),
      el("td", { text: q.source }), el("td", { text: q.iteration }), el("td", { text: score(q) })));
    document.querySelector("#lineage tbody").replaceChildren(...rows);
  } catch (e) {
    say("message", e.message);
  }
}

// --- jobs --------------------------------------------------------------------------------------

async function jobs() {
  async function refresh() {
    try {
      const health = await api("/api/health");
      say("health", `${health.scheduler} · ${health.clustered ? "clustered" : "single process"} · store: ${health.store}`);
      const list = await api("/api/jobs");
      document.querySelector("#jobs tbody").replaceChildren(...list.map(j => {
        const remove = el("td");
        if (j.group === "schedules") {
          const button = el("button", { class: "secondary", text: "Remove" });
          button.addEventListener("click", async () => {
            try { await api(`/api/schedules/${encodeURIComponent(j.name)}`, { method: "DELETE" }); } catch (e) { say("message", e.message); }
            refresh();
          });
          remove.append(button);
        }
        return el("tr", {}, el("td", { text: j.name }), el("td", { text: j.group }), el("td", { text: j.description ?? "" }),
          el("td", { text: j.running ? "running" : "" }),
          el("td", { text: j.triggers.map(t => `${t.state}${t.cron ? " " + t.cron : ""}${t.nextFire ? " next " + new Date(t.nextFire).toLocaleString() : ""}`).join("; ") || "none" }),
          remove);
      }));
      say("message", "");
    } catch (e) {
      say("message", e.message);
    }
    setTimeout(refresh, POLL_MS);
  }
  refresh();
}

// --- primitives --------------------------------------------------------------------------------

const ORIGINS = { BuiltIn: "built-in", Contrib: "contrib", Submitted: "submitted" };

async function primitives() {
  const form = document.getElementById("submit-form");
  const result = document.getElementById("submit-result");

  async function refresh() {
    try {
      const registry = await api("/api/primitives");
      say("registry-version", `version ${registry.version} · ${registry.primitives.length} primitives`);
      // Those added to arc-dsl's first, in the order they entered the registry.
      const rows = [...registry.primitives.filter(p => p.origin !== "BuiltIn"), ...registry.primitives.filter(p => p.origin === "BuiltIn")];
      document.querySelector("#primitives tbody").replaceChildren(...rows.map(p => el("tr", { "data-name": p.name },
        el("td", { text: p.name }), el("td", {}, el("code", { text: p.signature })), el("td", { text: p.description }),
        el("td", {}, el("span", { class: `origin ${p.origin}`, text: ORIGINS[p.origin] ?? p.origin })))));
      say("message", "");
    } catch (e) {
      say("message", e.message);
    }
  }

  form.elements.file.addEventListener("change", async () => {
    const file = form.elements.file.files[0];
    if (!file) return;
    form.elements.fileName.value = file.name;
    form.elements.source.value = await file.text();
  });
  form.addEventListener("submit", async event => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    result.replaceChildren(el("div", { class: "muted", text: "checking…" }));
    try {
      const body = JSON.stringify({ fileName: form.elements.fileName.value, source: form.elements.source.value });
      const accepted = await api("/api/primitives", { method: "POST", body });
      result.replaceChildren(el("div", { class: "accepted", text: `accepted ${accepted.primitives.map(p => p.signature).join(", ")} · registry version ${accepted.version}` }));
      await refresh();
    } catch (e) {
      // A refusal's reasons, one per line as file:line:column: reason.
      const reasons = e.problem && e.problem.errors ? Object.values(e.problem.errors).flat() : [];
      result.replaceChildren(el("div", { class: "message", text: (e.problem && e.problem.title) || e.message }),
        el("ul", { class: "reasons" }, ...reasons.map(r => el("li", { text: r }))));
    } finally {
      button.disabled = false;
    }
  });
  refresh();
}

({ overview, task, program, jobs, primitives })[document.body.dataset.page]();
