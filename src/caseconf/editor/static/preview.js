/* The form's preview pane (issue 17): a record, a case file (case.yml) or an activity as
 * the site's page of it shows it.
 *
 * Single source: the site's own templates `caseconf/record.html`, `case.html` and
 * `activity.html` (and their `macros.html`), handed over by the site build (site/preview.py)
 * and rendered here by the vendored nunjucks, with the site catalogue's words for the team's
 * language and what the build derived from the other records (a case's actions, timeline,
 * attendance): that last part is one small file per case (admin/preview/<case>.json, written
 * by the site build as it writes the case page), fetched when a record or case file of that
 * case is previewed, so the form's page does not grow with the number of cases. The record
 * shows at once; what the case's file brings fills in when it arrives. Autoescaping is on: every field value is text, never markup. The small macros
 * the site does in Python (caseconf.site.render.FastMacros) are the few lines of `h` below,
 * with the same markup; they link nowhere (the preview is not the site).
 *
 * The Markdown minutes are rendered as the site renders them (caseconf.site.sanitize): the
 * vendored markdown-it (with the site's tables, fenced code, definition lists and
 * abbreviations) makes the HTML, the site's headings demotion is applied, and the vendored
 * DOMPurify keeps only the site's allow-list of tags, attributes and URL schemes, handed
 * over by the build. Nothing of the minutes reaches the page without passing DOMPurify.
 */
(function () {
  "use strict";
  const CMS = window.CMS;
  const PAGE = window.CASECONF_PAGE;
  const DATA = PAGE && PAGE.preview;
  const nunjucks = window.nunjucks;
  if (!CMS || !DATA || !nunjucks || !window.createClass) { return; }

  const escape = (value) => nunjucks.lib.escape(value === undefined || value === null ? "" : String(value));
  const safe = (html) => new nunjucks.runtime.SafeString(html);
  const keyOf = (value) => (value && typeof value === "object" && "value" in value ? value.value : value);

  function t(key) { return DATA.t[key] || key; }
  function v(value) {
    const key = keyOf(value);
    if (key === undefined || key === null || key === "") { return ""; }
    return DATA.v[String(key)] || String(key);
  }
  function ownerLabel(owner) {
    if (!owner) { return "–"; }
    const label = v(owner);
    return label === owner ? owner : label;
  }
  function officeLabel(code) {
    const name = (DATA.offices || {})[code];
    return name ? `${code} – ${name}` : code;
  }
  function iso(value) {
    if (value instanceof Date) { return value.toISOString().slice(0, 10); }
    return value || "";
  }

  // caseconf.site.render.FastMacros, with no hrefs
  const h = {
    link: (uri, text) => escape(text),
    status: (value, overdueDays) => (overdueDays && overdueDays > 0
      ? safe(`<span class="caseconf-status caseconf-status--overdue">${escape(v("overdue"))} (${escape(overdueDays)})</span>`)
      : safe(`<span class="caseconf-status caseconf-status--${escape(keyOf(value))}">${escape(v(value))}</span>`)),
    date: (value) => (value ? safe(`<time datetime="${escape(iso(value))}">${escape(iso(value))}</time>`) : safe("–")),
    heading: (level, anchor, text) => safe(`<h${escape(level)} id="${escape(anchor)}">${escape(text)}</h${escape(level)}>`),
    person: (p) => {
      const parts = [escape(v(p && p.role))];
      if (p && p.ref) { parts.push(` <strong>${escape(p.ref)}</strong>`); }
      if (p && p.title) { parts.push(` (${escape(p.title)})`); }
      if (p && p.org) { parts.push(`, ${escape(p.org)}`); }
      return safe(parts.join(""));
    },
  };

  const Loader = nunjucks.Loader.extend({
    getSource(name) { return name in DATA.templates ? {src: DATA.templates[name], path: name, noCache: false} : null; },
  });
  const env = new nunjucks.Environment(new Loader(), {autoescape: true, trimBlocks: true, lstripBlocks: true});
  env.addGlobal("t", t);
  env.addGlobal("v", v);
  env.addGlobal("h", h);
  env.addGlobal("owner_label", ownerLabel);
  env.addGlobal("office_label", officeLabel);
  env.addGlobal("url", () => null);
  env.addGlobal("lang", PAGE.lang);
  env.addFilter("iso", iso);

  // ---------------------------------------------------------------- the minutes
  // The site's Markdown (caseconf.site.sanitize.render_untrusted) in the browser: markdown-it
  // makes the HTML, DOMPurify keeps what the site's nh3 allow-list keeps (DATA.markdown).
  const renderMinutes = (function () {
    const rules = DATA.markdown;
    const markdownit = window.markdownit;
    const DOMPurify = window.DOMPurify;
    if (!rules || !markdownit || !DOMPurify || !DOMPurify.isSupported) {
      // without the renderer the minutes are shown as text, never as markup
      return (text) => `<div class="caseconf-preview-text">${escape(text)}</div>`;
    }
    const md = markdownit({html: true, linkify: false, typographer: false, breaks: false});
    if (window.markdownitDeflist) { md.use(window.markdownitDeflist); }
    if (window.markdownitAbbr) { md.use(window.markdownitAbbr); }
    // the page owns h1 and h2: the minutes' own headings start at h3, as on the site
    md.core.ruler.push("caseconf_demote", (state) => {
      for (const token of state.tokens) {
        if ((token.type === "heading_open" || token.type === "heading_close") && rules.demote[token.tag]) {
          token.tag = rules.demote[token.tag];
        }
      }
    });
    const purifier = DOMPurify(window);  // an instance of our own: its hooks touch nothing else
    const schemes = rules.schemes.map((s) => s.replace(/[^a-z0-9+.-]/gi, "")).join("|");
    // the schemes of the site's allow-list, and relative links (nh3 lets those through too)
    const uri = new RegExp(`^(?:(?:${schemes}):|[^a-z]|[a-z+.\\-]+(?:[^a-z+.\\-:]|$))`, "i");
    const everyAttribute = [...new Set([].concat(...Object.values(rules.attributes)))];
    purifier.addHook("uponSanitizeAttribute", (node, data) => {
      const allowed = rules.attributes[node.nodeName.toLowerCase()] || [];
      if (allowed.indexOf(data.attrName) < 0) { data.keepAttr = false; }
    });
    purifier.addHook("afterSanitizeAttributes", (node) => {
      if (node.nodeName.toLowerCase() === "a") { node.setAttribute("rel", rules.rel); }
    });
    const config = {ALLOWED_TAGS: rules.tags, ALLOWED_ATTR: everyAttribute, ALLOWED_URI_REGEXP: uri,
                    ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false, ALLOW_UNKNOWN_PROTOCOLS: false,
                    KEEP_CONTENT: true, RETURN_TRUSTED_TYPE: false};
    return (text) => purifier.sanitize(md.render(text), config);
  })();
  // for tests/editor/test_preview.py's property test of the minutes' sanitiser
  window.CaseconfPreview = Object.freeze({renderMinutes});

  // ---------------------------------------------------------------- the form's data, shaped as the site's
  // Jinja's truth: an empty list or mapping is false (in JavaScript both are true), and a
  // field left empty in the form is absent. A model's field the file leaves out is None on
  // the site (`x is not none`): absent keys read as null here too. Record keys the models
  // spell with a trailing underscore (`if` of plan B) are given that name too.
  const asModel = (object) => new Proxy(object, {
    get: (target, key) => (key in target || typeof key !== "string" ? target[key] : null),
  });
  function jinjaShape(value) {
    if (Array.isArray(value)) {
      const items = value.map(jinjaShape).filter((item) => item !== null);
      return items.length ? items : null;
    }
    if (value && typeof value === "object" && !(value instanceof Date)) {
      const out = {};
      for (const key of Object.keys(value)) {
        if (key.startsWith("__")) { continue; }  // the form's own bookkeeping (the source text)
        const item = jinjaShape(value[key]);
        if (item !== null) { out[key] = item; }
      }
      if ("if" in out) { out.if_ = out["if"]; }
      return Object.keys(out).length ? asModel(out) : null;
    }
    return value === undefined || value === "" ? null : value;
  }
  // enum values the template reads as `.value` (pydantic's enums on the site)
  const asEnum = (value) => (value === null || value === undefined ? value : {value, toString: () => String(value)});
  const minutes = (raw) => {
    const body = typeof raw.body === "string" ? raw.body : "";
    return body.trim() ? safe(renderMinutes(body)) : null;
  };

  function caseOf(entry, collection) {
    const folder = (collection && collection.get("folder")) || "";
    const path = entry.get("path") || "";
    const match = /^records\/([^/]+)\//.exec(path) || /^records\/([^/]+)$/.exec(folder);
    return match ? match[1] : "";
  }

  // ---------------------------------------------------------------- the case's file from the build
  // What the build derived for one case ({actions, page}), fetched once per case and page
  // load; a case with no file (new, or a build without it) previews with nothing derived.
  const CASE_FILES = new Map();  // case id -> {data} once it has arrived (data null if none)
  const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
  function caseFile(caseId, onArrival) {
    if (!caseId || !SAFE_ID.test(caseId) || !DATA.case_files) { return {data: null}; }
    let known = CASE_FILES.get(caseId);
    if (!known) {
      known = {data: undefined, waiting: []};
      CASE_FILES.set(caseId, known);
      const url = new URL(`${DATA.case_files}${encodeURIComponent(caseId)}.json`, document.baseURI).href;
      fetch(url, {credentials: "same-origin", cache: "no-cache"})
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null)
        .then((data) => {
          known.data = data && typeof data === "object" ? {actions: data.actions || {}, page: jinjaData(data.page || {})}
            : null;
          for (const wake of known.waiting.splice(0)) { wake(); }
        });
    }
    if (known.data === undefined && onArrival) { known.waiting.push(onArrival); }
    return known;
  }

  function recordContext(raw, caseId, built) {
    const record = jinjaShape(raw) || asModel({});
    delete record.body;
    for (const p of record.participants || []) { p.attendance = asEnum(p.attendance); }
    const known = (built && built.actions) || {};
    const evaluation = (record.evaluation || []).map((entry) => {
      entry.result = asEnum(entry.result);
      const before = known[entry.action];
      return {entry, do: before ? before.do : null};
    });
    const actions = ((record.plan && record.plan.actions) || []).map((action) => {
      const state = known[action.id];
      return {action, current: state ? state.status : (action.status || "open"), owner: ownerLabel(action.owner)};
    });
    return {
      title: `${caseId} · ${iso(record.date)} · ${v(record.kind)}`,
      case_id: caseId, case_uri: null, record, actions: actions.length ? actions : null,
      evaluation: evaluation.length ? evaluation : null, suppressed: null, documents: null,
      body: minutes(raw), office: caseId.split("-")[0],
    };
  }

  // What the build derived, with Jinja's truth too: an empty list is false (a list's own
  // null items, an attendance table's empty cells, stay where they are).
  function jinjaData(value) {
    if (Array.isArray(value)) { return value.length ? value.map(jinjaData) : null; }
    if (value && typeof value === "object") {
      const out = {};
      for (const key of Object.keys(value)) { out[key] = jinjaData(value[key]); }
      return out;
    }
    return value;
  }
  // case.yml: its own fields from the form, the rest of the page from the build
  function caseContext(raw, fromBuild) {
    const file = jinjaShape(raw) || asModel({});
    const id = file.id || "";
    const built = (fromBuild && fromBuild.page) || {};
    const status = file.status || "";
    const office = file.office || id.split("-")[0];
    const row = Object.assign({}, built.row || {}, {
      id, office, opened: file.opened, status,
      next_review: status === "open" ? (built.next_review || null) : null,
    });
    return {
      case: {id}, file, row, timeline: built.timeline || null, plan: built.plan || null,
      attendance: built.attendance || {columns: null, rows: null}, office_name: (DATA.offices || {})[office] || null,
      broken: built.broken || null,
    };
  }

  function activityContext(raw) {
    const activity = jinjaShape(raw) || asModel({});
    return {
      title: `${iso(activity.date)} · ${v(activity.kind)}`, activity, suppressed: null,
      // only read by `in`: a case links nowhere in the preview, so its id shows either way
      body: minutes(raw), cases: [],
    };
  }

  function render(template, context) {
    try {
      return env.render(template, context);
    } catch (error) {
      // a half-filled form the template cannot show yet: say so, never show the error's text
      return "";
    }
  }

  const h_ = window.h;
  // `caseIdOf(raw, props)`: the case whose file from the build the page needs (none: "")
  function previewOf(template, context, caseIdOf) {
    return window.createClass({
      getInitialState() { return {arrived: 0}; },
      componentWillUnmount() { this.gone = true; },
      render() {
        const raw = this.props.entry.get("data").toJS();
        const caseId = caseIdOf ? caseIdOf(raw, this.props) : "";
        const built = caseId ? caseFile(caseId, () => { if (!this.gone) { this.setState({arrived: Date.now()}); } })
          : {data: null};
        const html = render(template, context(raw, caseId, built.data || null));
        // data-caseconf-ready: what the build derived is in (or there is none), for tests
        return h_("article", {className: "md-content__inner md-typeset caseconf-preview",
                              "data-caseconf-ready": built.data === undefined ? "no" : "yes",
                              dangerouslySetInnerHTML: {__html: html}});
      },
    });
  }
  const RecordPreview = previewOf("caseconf/record.html", (raw, caseId, built) => recordContext(raw, caseId, built),
                                  (raw, props) => caseOf(props.entry, props.collection));
  const CasePreview = previewOf("caseconf/case.html", (raw, caseId, built) => caseContext(raw, built),
                                (raw) => (typeof raw.id === "string" ? raw.id : ""));
  const ActivityPreview = previewOf("caseconf/activity.html", (raw) => activityContext(raw), null);

  // by the collection's file format (editor/config.py FORMATS): one preview per kind of file
  const PREVIEWS = {"caseconf-conference": RecordPreview, "caseconf-case": CasePreview,
                    "caseconf-activity": ActivityPreview};
  for (const collection of (PAGE.config && PAGE.config.collections) || []) {
    if (PREVIEWS[collection.format]) { CMS.registerPreviewTemplate(collection.name, PREVIEWS[collection.format]); }
  }
  for (const href of DATA.styles || []) { CMS.registerPreviewStyle(new URL(href, document.baseURI).href); }
  CMS.registerPreviewStyle(".caseconf-preview { padding: 16px 24px; } .caseconf-preview-text { white-space: pre-wrap; }",
                           {raw: true});
})();
