// The hall display, live: Server-Sent Events from any app node (LISTEN/NOTIFY backplane); EventSource
// reconnects by itself; while the stream is down the page polls the snapshot every 3 s. Each call is
// spoken once through speechSynthesis where the browser has it.
(function () {
  'use strict';
  function el(id) { return document.getElementById(id); }
  function text(s) { return document.createTextNode(s); }
  function row(a, b) { var tr = document.createElement('tr'); [a, b].forEach(function (v) { var td = document.createElement('td'); td.appendChild(text(String(v))); tr.appendChild(td); }); return tr; }
  function china(iso) { var d = new Date(new Date(iso).getTime() + 8 * 3600 * 1000); return d.toISOString().replace('T', ' ').substring(0, 19); }
  var offset = 0; // business time minus browser time, from the server's snapshot
  function render(s) {
    offset = new Date(s.now).getTime() - Date.now();
    el('latest').textContent = s.calls.length ? s.calls[0].text : '—';
    var calls = el('calls'); calls.textContent = '';
    s.calls.forEach(function (c) { calls.appendChild(row(c.ticket, c.counter + ' 号窗口')); });
    var services = el('services'); services.textContent = '';
    s.services.forEach(function (x) { services.appendChild(row(x.name, x.waiting)); });
  }
  function refresh() {
    return fetch('/api/v1/hall/display', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(render).catch(function () {});
  }
  function speak(t) {
    if (!t || !('speechSynthesis' in window)) return;
    try { var u = new SpeechSynthesisUtterance(t); u.lang = 'zh-CN'; window.speechSynthesis.speak(u); } catch (e) { /* no voice: the screen still shows it */ }
  }
  setInterval(function () { el('clock').textContent = china(new Date(Date.now() + offset).toISOString()); }, 1000);
  var poll = null;
  function startPolling() { if (!poll) poll = setInterval(refresh, 3000); el('link-status').textContent = '定时刷新'; }
  function stopPolling() { if (poll) { clearInterval(poll); poll = null; } el('link-status').textContent = '实时更新'; }
  if (!('EventSource' in window)) { startPolling(); return; }
  var source = new EventSource('/api/v1/hall/display/events');
  source.onopen = function () { stopPolling(); refresh(); };
  source.onerror = function () { startPolling(); };
  source.addEventListener('call', function (m) {
    var e = JSON.parse(m.data);
    // Show the call at once from the event, then reload counts.
    el('latest').textContent = e.text;
    el('calls').insertBefore(row(e.number, e.counter + ' 号窗口'), el('calls').firstChild);
    speak(e.text);
    refresh();
  });
  ['ticket', 'update', 'resync'].forEach(function (k) { source.addEventListener(k, refresh); });
})();
