// quotecheck review page: renders the report embedded in #data on demand,
// one view at a time (routes in the URL hash). Every text from the data is
// put into the page with text nodes, never parsed as HTML.
'use strict';
(function () {
  const DATA = JSON.parse(document.getElementById('data').textContent);
  const view = document.getElementById('view');
  const PAGE = 300; // rows rendered per "Show more"

  const docs = new Map(DATA.documents.map((d) => [d.doc_id, d]));
  const quotesOf = new Map();
  const quoteById = new Map();
  for (const q of DATA.quotes) {
    if (!quotesOf.has(q.doc_id)) quotesOf.set(q.doc_id, []);
    quotesOf.get(q.doc_id).push(q);
    quoteById.set(q.quote_id, q);
  }
  const speakers = new Map(DATA.speakers.map((s) => [s.speaker_key, s]));
  const findings = DATA.findings;
  const findingById = new Map(findings.map((f) => [String(f.finding_id), f]));

  // el('a', {href: '#x', class: 'y', onclick: fn}, 'text', node, …)
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === '') continue;
      e.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return e;
  }
  const text = (v) => (v === undefined || v === null ? '' : String(v));
  const route = (params) => '#' + new URLSearchParams(params).toString();
  const docLink = (id, q) => el('a', { href: route(q ? { doc: id, q } : { doc: id }) }, id);
  const webLink = (url) => (/^https?:\/\//i.test(text(url)) ? el('a', { href: url, rel: 'noreferrer' }, 'source') : null);

  // A speaker's colour: one of PALETTE hues by a hash of the key; in one
  // document, speakers whose hues collide take the next free hue (local).
  const PALETTE = 18;
  let local = new Map();
  function slot(key) {
    let h = 0;
    for (const ch of text(key)) h = (h * 31 + ch.codePointAt(0)) % 1000003;
    return h % PALETTE;
  }
  function localColours(keys) {
    local = new Map();
    const used = new Set();
    for (const k of keys) {
      if (!k || local.has(k)) continue;
      let s = slot(k);
      for (let i = 0; i < PALETTE && used.has(s); i++) s = (s + 7) % PALETTE;
      used.add(s);
      local.set(k, s);
    }
  }
  function paint(e, key) {
    if (key) {
      const s = local.has(key) ? local.get(key) : slot(key);
      const hue = Math.round((s * 360) / PALETTE);
      const light = s % 2 ? 88 : 82;
      e.style.background = `hsl(${hue} 70% ${light}%)`;
      e.style.borderColor = `hsl(${hue} 55% 38%)`;
    } else {
      e.style.background = '#e4e6ea';
    }
    return e;
  }
  const swatch = (key) => paint(el('span', { class: 'swatch' }), key);
  const sev = (s) => el('span', { class: 'sev sev-' + text(s).toLowerCase() }, text(s));

  // A list rendered PAGE rows at a time.
  function paged(container, items, row) {
    let shown = 0;
    const more = el('button', { class: 'more', type: 'button' }, 'Show more');
    function next() {
      for (const item of items.slice(shown, shown + PAGE)) container.append(row(item));
      shown = Math.min(items.length, shown + PAGE);
      more.hidden = shown >= items.length;
    }
    more.addEventListener('click', next);
    next();
    return more;
  }

  // ---- findings -------------------------------------------------------
  const filters = { kind: '', severity: '', speaker: '' };
  function findingsView() {
    const distinct = (field) => [...new Set(findings.map((f) => text(f[field])).filter(Boolean))].sort();
    const select = (field, label) =>
      el('label', {}, label + ' ',
        el('select', { 'data-filter': field, onchange: (e) => { filters[field] = e.target.value; draw(); } },
          el('option', { value: '' }, 'all'),
          distinct(field).map((v) => el('option', { value: v, selected: filters[field] === v ? '' : null }, v))));
    const who = el('input', { type: 'search', placeholder: 'speaker', value: filters.speaker, 'aria-label': 'speaker' });
    who.addEventListener('input', () => { filters.speaker = who.value; draw(); });
    const count = el('p', {}, el('strong', { id: 'finding-count' }, findings.length), ' findings',
      el('span', { id: 'shown' }));
    const body = el('tbody');
    const table = el('table', {},
      el('thead', {}, el('tr', {}, ['#', 'severity', 'kind', 'speaker', 'quoted', 'documents'].map((h) => el('th', {}, h)))),
      body);
    const holder = el('div');
    function draw() {
      const s = filters.speaker.toLowerCase();
      const rows = findings.filter((f) =>
        (!filters.kind || text(f.kind) === filters.kind) &&
        (!filters.severity || text(f.severity) === filters.severity) &&
        (!s || text(f.speaker_a).toLowerCase().includes(s) || text(f.speaker_b).toLowerCase().includes(s)));
      count.querySelector('#shown').textContent = rows.length === findings.length ? '' : ` (${rows.length} shown)`;
      body.replaceChildren();
      holder.replaceChildren(paged(body, rows, findingRow));
    }
    view.replaceChildren(
      el('div', { class: 'bar' }, select('kind', 'Kind'), select('severity', 'Severity'), who),
      count, table, holder);
    draw();
  }
  function findingRow(f) {
    const id = text(f.finding_id);
    const speakersCell = f.speaker_b && f.speaker_b !== f.speaker_a ? `${text(f.speaker_a)} / ${text(f.speaker_b)}` : text(f.speaker_a);
    return el('tr', { class: 'finding', 'data-finding': id, onclick: () => { location.hash = route({ finding: id }); } },
      el('td', {}, text(f.rank)),
      el('td', {}, sev(f.severity)),
      el('td', {}, text(f.kind), f.change ? el('div', { class: 'muted' }, text(f.change)) : null),
      el('td', {}, speakersCell),
      el('td', { class: 'quote' }, el('a', { href: route({ finding: id }) }, text(f.text_b || f.text_a))),
      el('td', {}, text(f.doc_a), f.doc_b ? el('div', { class: 'muted' }, text(f.doc_b)) : null));
  }

  // Word-level difference of a and b (longest common subsequence of
  // words; long texts are compared only as wholes).
  function wordDiff(a, b) {
    const x = text(a).split(/(\s+)/);
    const y = text(b).split(/(\s+)/);
    if (x.length * y.length > 400000) return [x.map((w) => [w, 0]), y.map((w) => [w, 0])];
    const n = x.length, m = y.length;
    const L = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    const ra = [], rb = [];
    let i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) { ra.push([x[i++], 0]); rb.push([y[j++], 0]); }
      else if (j < m && (i >= n || L[i][j + 1] >= L[i + 1][j])) rb.push([y[j++], 1]);
      else ra.push([x[i++], 1]);
    }
    return [ra, rb];
  }
  const marked = (words, tag) => words.map(([w, changed]) => (changed && w.trim() ? el(tag, {}, w) : w));

  // The diff column: words between « and » are the change.
  function diffLine(d) {
    return el('div', { class: 'diff' }, text(d).split(/(«[^»]*»)/).map((part) =>
      part.startsWith('«') ? el('span', { class: 'chg' }, part) : part));
  }

  function findingView(id) {
    const f = findingById.get(id);
    if (!f) return notFound('finding', id);
    const [wa, wb] = wordDiff(f.text_a, f.text_b);
    const side = (which, words, tag) => {
      const doc = docs.get(text(f['doc_' + which]));
      const focus = { start: f['char_start_' + which], end: f['char_end_' + which] };
      return el('section', { class: 'side', 'data-side': which },
        el('div', { class: 'card' },
          el('h2', {}, docLink(text(f['doc_' + which]), f['quote_id_' + which] || null), ' ',
            el('span', { class: 'muted' }, text(f['date_' + which])), ' ', webLink(f['url_' + which])),
          el('p', {}, swatch(f['speaker_key_' + which]), text(f['speaker_' + which]) || 'unknown speaker'),
          el('p', { class: 'said' }, '“', marked(words, tag), '”')),
        doc ? article(doc, focus, null) : el('p', { class: 'muted' }, 'Document not in this report.'));
    };
    view.replaceChildren(
      el('p', {}, el('a', { href: '#findings' }, '← all findings')),
      el('div', { class: 'card', id: 'finding', 'data-finding': id },
        el('h2', {}, sev(f.severity), ' ', text(f.kind), f.change ? ` · ${text(f.change)}` : '',
          f.similarity !== undefined ? el('span', { class: 'muted' }, ` · similarity ${text(f.similarity)}`) : null),
        el('p', {}, text(f.explanation)),
        f.diff ? diffLine(f.diff) : null),
      el('div', { class: 'cols' }, side('a', wa, 'del'), side('b', wb, 'ins')));
    for (const e of view.querySelectorAll('.focus')) scrollInto(e);
  }

  // ---- documents ------------------------------------------------------
  // The article text with each quote highlighted in its speaker's colour.
  // Offsets count code points. Overlapping quotes: a stretch shows the
  // innermost quote.
  function article(doc, focus, pick) {
    const cps = Array.from(text(doc.text));
    const qs = quotesOf.get(doc.doc_id) || [];
    const cut = new Set([0, cps.length]);
    const clamp = (v) => Math.max(0, Math.min(cps.length, Number(v) || 0));
    for (const q of qs) { cut.add(clamp(q.char_start)); cut.add(clamp(q.char_end)); }
    if (focus) { cut.add(clamp(focus.start)); cut.add(clamp(focus.end)); }
    const points = [...cut].sort((a, b) => a - b);
    const pane = el('div', { class: 'article', 'data-doc': doc.doc_id });
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k], b = points[k + 1];
      const s = cps.slice(a, b).join('');
      let q = null;
      for (const c of qs) {
        if (c.char_start <= a && c.char_end >= b && (!q || c.char_end - c.char_start < q.char_end - q.char_start)) q = c;
      }
      const inFocus = focus && focus.start <= a && focus.end >= b && focus.end > focus.start;
      if (!q && !inFocus) { pane.append(s); continue; }
      const span = el('span', { class: 'q' + (inFocus ? ' focus' : ''), 'data-quote': q ? q.quote_id : null }, s);
      if (q) {
        paint(span, q.speaker_key);
        span.title = `${q.speaker || 'unknown speaker'} · ${q.kind} · ${q.type} · cue: ${q.cue || 'none'} · confidence ${q.confidence} · ${q.reason}`;
        span.addEventListener('click', () => (pick ? pick(q) : (location.hash = route({ doc: doc.doc_id, q: q.quote_id }))));
      }
      pane.append(span);
    }
    return pane;
  }

  function details(q) {
    if (!q) return el('p', { class: 'muted' }, 'Click a highlighted quote to see who said it.');
    const row = (k, v) => [el('dt', {}, k), el('dd', {}, v)];
    const spk = q.speaker_key ? el('a', { href: route({ speaker: q.speaker_key }) }, text(q.speaker)) : text(q.speaker) || 'unknown';
    return el('dl', {},
      row('speaker', [swatch(q.speaker_key), spk]),
      row('role', text(q.speaker_role)), row('mention', text(q.mention)), row('cue', text(q.cue)),
      row('kind', text(q.kind)), row('type', text(q.type)), row('confidence', text(q.confidence)), row('speaker confidence', text(q.speaker_confidence)), row('reason', text(q.reason)),
      row('quote id', text(q.quote_id)), row('characters', `${q.char_start}–${q.char_end}`));
  }

  function docView(id, qid) {
    const doc = docs.get(id);
    if (!doc) return notFound('document', id);
    const qs = quotesOf.get(id) || [];
    const focusQ = qid ? quoteById.get(qid) : null;
    const panel = el('div', { class: 'card details', id: 'details' });
    const pick = (q) => {
      panel.replaceChildren(el('h2', {}, 'Quote'), details(q));
      for (const e of view.querySelectorAll('.picked')) e.classList.remove('picked');
      for (const e of view.querySelectorAll('[data-quote]')) if (e.dataset.quote === q.quote_id) e.classList.add('picked');
    };
    const keys = [...new Map(qs.map((q) => [q.speaker_key || '', q.speaker])).entries()];
    localColours(keys.map(([k]) => k));
    const focus = focusQ && focusQ.doc_id === id ? { start: focusQ.char_start, end: focusQ.char_end } : null;
    view.replaceChildren(
      el('p', {}, el('a', { href: '#docs' }, '← all documents')),
      el('div', { class: 'card' },
        el('h2', {}, id, ' ', el('span', { class: 'muted' }, text(doc.date)), ' ', webLink(doc.url)),
        el('p', { class: 'muted' }, `${text(doc.source)} · ${qs.length} quotes · ${text(doc.status)}`),
        el('div', { class: 'legend' }, keys.map(([k, name]) => el('span', {}, swatch(k), name || 'unknown speaker')))),
      el('div', { class: 'layout' }, article(doc, focus, pick), panel));
    panel.replaceChildren(el('h2', {}, 'Quote'), details(null));
    if (focusQ && focusQ.doc_id === id) pick(focusQ);
    for (const e of view.querySelectorAll('.focus')) scrollInto(e);
  }

  function docsView() {
    const all = DATA.documents;
    const body = el('tbody');
    const holder = el('div');
    const filter = el('input', { type: 'search', placeholder: 'document id or source', 'aria-label': 'filter documents' });
    const draw = () => {
      const s = filter.value.toLowerCase();
      const rows = all.filter((d) => !s || text(d.doc_id).toLowerCase().includes(s) || text(d.source).toLowerCase().includes(s));
      body.replaceChildren();
      holder.replaceChildren(paged(body, rows, (d) => el('tr', { class: 'pick' },
        el('td', {}, d.status === 'ok' ? docLink(d.doc_id) : text(d.doc_id || d.source)),
        el('td', {}, text(d.date)), el('td', {}, text(d.quotes)), el('td', {}, text(d.speakers)),
        el('td', { class: 'muted' }, text(d.source), d.error ? el('div', {}, text(d.error)) : null))));
    };
    filter.addEventListener('input', draw);
    view.replaceChildren(el('div', { class: 'bar' }, el('strong', {}, `${all.length} documents`), filter),
      el('table', {}, el('thead', {}, el('tr', {}, ['document', 'date', 'quotes', 'speakers', 'source'].map((h) => el('th', {}, h)))), body),
      holder);
    draw();
  }

  // ---- speakers -------------------------------------------------------
  function speakersView() {
    const body = el('tbody');
    const holder = el('div');
    const filter = el('input', { type: 'search', placeholder: 'name or role', 'aria-label': 'filter speakers' });
    const draw = () => {
      const s = filter.value.toLowerCase();
      const rows = DATA.speakers.filter((p) => !s || text(p.speaker).toLowerCase().includes(s) ||
        (p.roles || []).some((r) => text(r).toLowerCase().includes(s)));
      body.replaceChildren();
      holder.replaceChildren(paged(body, rows, (p) => el('tr', { class: 'pick' },
        el('td', {}, swatch(p.speaker_key), el('a', { href: route({ speaker: p.speaker_key }) }, text(p.speaker))),
        el('td', {}, text(p.quote_count)), el('td', {}, text((p.doc_ids || []).length)),
        el('td', { class: 'muted' }, (p.roles || []).join('; ')))));
    };
    filter.addEventListener('input', draw);
    view.replaceChildren(el('div', { class: 'bar' }, el('strong', {}, `${DATA.speakers.length} speakers`), filter),
      el('table', {}, el('thead', {}, el('tr', {}, ['speaker', 'quotes', 'documents', 'roles'].map((h) => el('th', {}, h)))), body),
      holder);
    draw();
  }

  function speakerView(key) {
    const p = speakers.get(key);
    if (!p) return notFound('speaker', key);
    const qs = DATA.quotes.filter((q) => q.speaker_key === key);
    const body = el('tbody');
    const holder = el('div');
    view.replaceChildren(
      el('p', {}, el('a', { href: '#speakers' }, '← all speakers')),
      el('div', { class: 'card' }, el('h2', {}, swatch(key), text(p.speaker)),
        el('p', { class: 'muted' }, `${qs.length} quotes in ${(p.doc_ids || []).length} documents · ${(p.roles || []).join('; ')}`),
        el('p', { class: 'muted' }, 'Written as: ' + (p.mentions || []).join('; '))),
      el('table', {}, el('thead', {}, el('tr', {}, ['document', 'type', 'cue', 'confidence', 'quote'].map((h) => el('th', {}, h)))), body),
      holder);
    holder.replaceChildren(paged(body, qs, (q) => el('tr', {},
      el('td', {}, docLink(q.doc_id, q.quote_id)), el('td', {}, `${text(q.kind)} · ${text(q.type)}`), el('td', {}, text(q.cue)),
      el('td', {}, text(q.confidence)), el('td', { class: 'quote' }, text(q.quote)))));
  }

  function notFound(what, id) {
    view.replaceChildren(el('p', {}, `No ${what} `, el('code', {}, text(id)), ' in this report. ', el('a', { href: '#findings' }, 'All findings')));
  }
  // Scroll an article pane so that its highlighted quote is in view.
  function scrollInto(e) {
    const pane = e.closest('.article');
    if (!pane) return;
    const top = e.offsetTop - pane.offsetTop;
    if (top > pane.clientHeight * 0.6) pane.scrollTop = top - pane.clientHeight / 3;
  }

  function show() {
    local = new Map();
    const p = new URLSearchParams(location.hash.slice(1));
    let tab = 'findings';
    if (p.has('finding')) findingView(p.get('finding'));
    else if (p.has('doc')) { tab = 'docs'; docView(p.get('doc'), p.get('q')); }
    else if (p.has('speaker')) { tab = 'speakers'; speakerView(p.get('speaker')); }
    else if (p.has('speakers')) { tab = 'speakers'; speakersView(); }
    else if (p.has('docs')) { tab = 'docs'; docsView(); }
    else findingsView();
    for (const a of document.querySelectorAll('nav a')) a.classList.toggle('on', a.dataset.tab === tab);
    window.scrollTo(0, 0);
  }

  document.getElementById('totals').textContent =
    `${DATA.documents.length} documents · ${DATA.quotes.length} quotes · ${DATA.speakers.length} speakers · ${findings.length} findings`;
  window.addEventListener('hashchange', show);
  show();
})();
