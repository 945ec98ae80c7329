/* The form's preview pane (issue 17): the record as the site's record page shows it.
 *
 * Single source: the site's own template `caseconf/record.html` (and its `macros.html`),
 * handed over by the site build (editor/preview.py) and rendered here by the vendored
 * nunjucks, with the site catalogue's words for the team's language and the case's actions
 * as the build derived them. Autoescaping is on: every value of the record is text, never
 * markup. The small macros the site does in Python (caseconf.site.render.FastMacros) are
 * the few lines of `h` below, with the same markup; they link nowhere (the preview is not
 * the site). The Markdown minutes are shown as text, not rendered: the site's sanitiser is
 * Python, and a half-port of it would be the one place markup could slip through.
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
  env.addGlobal("url", () => null);
  env.addGlobal("lang", PAGE.lang);

  // Jinja's truth: an empty list or mapping is false (in JavaScript both are true), and a
  // field left empty in the form is absent. Record keys the models spell with a trailing
  // underscore (`if` of plan B) are given that name too.
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
      return Object.keys(out).length ? out : null;
    }
    return value === undefined || value === "" ? null : value;
  }
  // enum values the template reads as `.value` (pydantic's enums on the site)
  const asEnum = (value) => (value === null || value === undefined ? value : {value, toString: () => String(value)});

  function caseOf(entry, collection) {
    const folder = (collection && collection.get("folder")) || "";
    const path = entry.get("path") || "";
    const match = /^records\/([^/]+)\//.exec(path) || /^records\/([^/]+)$/.exec(folder);
    return match ? match[1] : "";
  }

  function recordContext(raw, caseId) {
    const record = jinjaShape(raw) || {};
    const body = typeof raw.body === "string" ? raw.body : "";
    delete record.body;
    for (const p of record.participants || []) { p.attendance = asEnum(p.attendance); }
    const known = DATA.cases[caseId] || {};
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
      // the minutes as text (see the top of this file); escaped here, the template marks nothing
      body: body.trim() ? safe(`<div class="caseconf-preview-text">${escape(body)}</div>`) : null,
      office: caseId.split("-")[0],
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
  const RecordPreview = window.createClass({
    render() {
      const raw = this.props.entry.get("data").toJS();
      const html = render("caseconf/record.html", recordContext(raw, caseOf(this.props.entry, this.props.collection)));
      return h_("article", {className: "md-content__inner md-typeset caseconf-preview",
                            dangerouslySetInnerHTML: {__html: html}});
    },
  });

  for (const collection of (PAGE.config && PAGE.config.collections) || []) {
    if (/^records-/.test(collection.name)) { CMS.registerPreviewTemplate(collection.name, RecordPreview); }
  }
  for (const href of DATA.styles || []) { CMS.registerPreviewStyle(new URL(href, document.baseURI).href); }
  CMS.registerPreviewStyle(".caseconf-preview { padding: 16px 24px; } .caseconf-preview-text { white-space: pre-wrap; }",
                           {raw: true});
})();
