// Draws the timeline chart and adds filtering and sorting. Every string shown comes from the
// evidence and is attacker-controlled: it is only ever assigned with textContent or as an SVG
// attribute value, and read from a JSON block, never parsed as HTML.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var LANES = ['critical', 'high', 'medium', 'low', 'informational', 'damage'];
  var data = JSON.parse(document.getElementById('tidemark-data').textContent);
  var events = data.events || [];

  function make(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function label(parent, x, y, text, anchor, cls) {
    var t = make('text', { x: x, y: y, 'text-anchor': anchor || 'start' }, parent);
    if (cls) { t.setAttribute('class', cls); }
    t.textContent = text;
    return t;
  }

  function lane(ev) { return LANES.indexOf(ev.l) >= 0 ? ev.l : 'informational'; }

  function stamp(ms) { return new Date(ms).toISOString().slice(0, 16).replace('T', ' '); }

  var form = document.getElementById('timeline-filter');
  var hostSelect = form ? form.elements.namedItem('host') : null;
  if (hostSelect) {
    (data.hosts || []).forEach(function (h) {
      var o = document.createElement('option');
      o.value = h;
      o.textContent = h;
      hostSelect.appendChild(o);
    });
  }

  var printing = false;

  function filters() {
    if (printing) { return { levels: {}, host: '', text: '' }; }
    var levels = {};
    if (form) {
      Array.prototype.forEach.call(form.querySelectorAll('input[name=level]'), function (box) {
        levels[box.value] = box.checked;
      });
    }
    return {
      levels: levels,
      host: hostSelect ? hostSelect.value : '',
      text: form ? String(form.elements.namedItem('text').value || '').toLowerCase() : ''
    };
  }

  function visible(ev, f) {
    if (f.levels[lane(ev)] === false) { return false; }
    if (f.host && ev.h !== f.host) { return false; }
    if (f.text) {
      var row = document.getElementById('tl-' + ev.i);
      var hay = (ev.x + ' ' + ev.r + ' ' + ev.h + ' ' + (row ? row.textContent : '')).toLowerCase();
      if (hay.indexOf(f.text) < 0) { return false; }
    }
    return true;
  }

  function focusRow(i) {
    var row = document.getElementById('tl-' + i);
    if (!row) { return; }
    Array.prototype.forEach.call(document.querySelectorAll('#timeline-table tr.focus'), function (r) {
      r.classList.remove('focus');
    });
    row.classList.add('focus');
    row.scrollIntoView({ block: 'center' });
  }

  function draw() {
    var f = filters();
    var svg = document.getElementById('timeline-chart');
    if (!svg) { return; }
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var shown = events.filter(function (ev) {
      var ok = visible(ev, f);
      var row = document.getElementById('tl-' + ev.i);
      if (row) { row.classList.toggle('filtered-out', !ok); }
      return ok;
    });
    var count = document.getElementById('timeline-count');
    if (count) { count.textContent = shown.length + ' of ' + events.length + ' shown'; }

    var left = 110, right = 990, top = 12, laneH = 24;
    var height = top + LANES.length * laneH + 34;
    svg.setAttribute('viewBox', '0 0 1000 ' + height);
    LANES.forEach(function (name, k) {
      var y = top + k * laneH + laneH / 2;
      make('line', { x1: left, x2: right, y1: y, y2: y, 'class': 'grid' }, svg);
      label(svg, left - 8, y + 4, name === 'damage' ? 'damage events' : name, 'end');
    });
    var dated = shown.filter(function (ev) { return typeof ev.t === 'number'; });
    if (dated.length === 0) {
      label(svg, (left + right) / 2, height / 2, 'No dated entries match the filter.', 'middle');
      return;
    }
    var lo = Infinity, hi = -Infinity;
    dated.forEach(function (ev) { lo = Math.min(lo, ev.t); hi = Math.max(hi, ev.t); });
    if (data.window) { lo = Math.min(lo, data.window[0]); hi = Math.max(hi, data.window[1]); }
    if (hi === lo) { lo -= 60000; hi += 60000; }
    function x(t) { return left + (right - left) * (t - lo) / (hi - lo); }
    if (data.window) {
      var x1 = x(data.window[0]);
      make('rect', { x: x1, y: top, width: Math.max(2, x(data.window[1]) - x1),
        height: LANES.length * laneH, 'class': 'attack' }, svg);
    }
    for (var k = 0; k <= 4; k++) {
      var t = lo + (hi - lo) * k / 4;
      make('line', { x1: x(t), x2: x(t), y1: top, y2: top + LANES.length * laneH, 'class': 'grid' }, svg);
      label(svg, x(t), height - 10, stamp(t), k === 0 ? 'start' : k === 4 ? 'end' : 'middle', 'tick');
    }
    dated.forEach(function (ev) {
      var y = top + LANES.indexOf(lane(ev)) * laneH + laneH / 2;
      var dot = make('circle', { cx: x(ev.t).toFixed(1), cy: y, r: 4.5, 'class': 'dot lvl-' + lane(ev),
        tabindex: 0 }, svg);
      var title = make('title', {}, dot);
      title.textContent = (ev.time || '') + ' ' + ev.x + (ev.r ? ' (' + ev.r + ')' : '');
      dot.addEventListener('click', function () { focusRow(ev.i); });
      dot.addEventListener('keydown', function (e) { if (e.key === 'Enter') { focusRow(ev.i); } });
    });
  }

  // Print shows every row (see the print stylesheet), so the chart shows every entry too.
  window.addEventListener('beforeprint', function () { printing = true; draw(); });
  window.addEventListener('afterprint', function () { printing = false; draw(); });
  if (form) {
    form.addEventListener('input', draw);
    form.addEventListener('change', draw);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
  }
  draw();

  function sortTable(table, col, th) {
    var body = table.tBodies[0];
    var numeric = th.getAttribute('data-type') === 'num';
    var asc = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(body.rows);
    function key(row) {
      var cell = row.cells[col];
      var v = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
      if (numeric) { var n = parseFloat(v); return isNaN(n) ? -1 : n; }
      var m = /^-?\d+$/.test(v) ? parseInt(v, 10) : null;
      return m === null ? v.toLowerCase() : m;
    }
    rows.sort(function (a, b) {
      var ka = key(a), kb = key(b);
      var r = ka < kb ? -1 : ka > kb ? 1 : 0;
      return asc ? r : -r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      var button = th.querySelector('button');
      if (button) { button.addEventListener('click', function () { sortTable(table, col, th); }); }
    });
  });
}());
