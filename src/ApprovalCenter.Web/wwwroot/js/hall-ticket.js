// The phone page of a ticket: reload when the hall changes (a call may be ours), at most every 2 s.
(function () {
  'use strict';
  if (!('EventSource' in window)) { setTimeout(function () { location.reload(); }, 15000); return; }
  var pending = null;
  var source = new EventSource('/api/v1/hall/display/events');
  function soon() { if (!pending) pending = setTimeout(function () { location.reload(); }, 1500); }
  ['call', 'update', 'ticket'].forEach(function (k) { source.addEventListener(k, soon); });
  source.onerror = function () { setTimeout(function () { location.reload(); }, 15000); };
})();
