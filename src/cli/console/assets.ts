// The console's stylesheet and its one small script (served by the console itself: the page loads nothing from the
// network). The script only follows the plan's progress (server-sent events) and reloads the page when it is done;
// everything else works without it.
export const CONSOLE_CSS = [
  'body{font-family:system-ui,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;line-height:1.45}',
  'header{background:#1f4e79;color:#fff;padding:.4rem 1rem}header a{color:#fff}.brand{margin:0;font-weight:600}',
  'nav ul{list-style:none;margin:.2rem 0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}',
  '[aria-current="page"]{font-weight:700;text-decoration:underline}',
  'main{max-width:80rem;margin:0 auto;padding:.5rem 1rem 3rem}h1{font-size:1.5rem}h2{font-size:1.2rem;',
  'border-bottom:2px solid #2b7bba;margin-top:1.6rem}',
  '.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;color:#000;padding:.3rem}',
  'a:focus,button:focus,input:focus,select:focus{outline:3px solid #f5a623;outline-offset:2px}',
  'table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem}caption{text-align:left;font-weight:600;',
  'padding:.3rem 0}th,td{border:1px solid #c8c8c8;padding:.2rem .45rem;text-align:left;vertical-align:top}',
  'th{background:#eef3f8}td.n{text-align:right}.scroll{overflow-x:auto}',
  '.ok{color:#1e6b2f}.bad{color:#a4231b;font-weight:600}.muted{color:#4a4a4a}.star{color:#a4231b}',
  'td.hm{text-align:center;min-width:2.6rem}.c0{background:#f4f4f4}.c1{background:#cfe6f7}.c2{background:#8cc0e6}',
  '.c3{background:#2b6fa8;color:#fff}td.moved{background:#fff1c2}.why{display:block;font-size:.75rem;color:#4a4a4a}',
  '.bar{height:1.1rem;background:#e3e3e3;border-radius:.3rem;overflow:hidden;max-width:40rem}',
  '.bar span{display:block;height:100%;background:#2b6fa8}',
  'button{font-size:1rem;padding:.35rem .9rem;background:#1f4e79;color:#fff;border:0;border-radius:.3rem;',
  'cursor:pointer}#stop{background:#a4231b}',
  'tr.hl mark{background:#ffd54f;color:#000}.pager{margin:.5rem 0}.pager a{margin-left:1rem}',
  'pre.log{white-space:pre-wrap;background:#fdecea;padding:.5rem}',
  // The bar's width without an inline style (the page's policy allows none): a class per 5 %.
  ...Array.from({ length: 21 }, (_, i) => `.bar .w${i * 5}{width:${i * 5}%}`),
].join('');

export const CONSOLE_JS = `'use strict';
(function () {
  var box = document.getElementById('progress');
  if (!box || box.getAttribute('data-running') !== '1' || !window.EventSource) return;
  var bar = box.querySelector('[role=progressbar]');
  var fill = bar.querySelector('span');
  var events = new EventSource('/plan/events');
  events.addEventListener('progress', function (e) {
    var p = JSON.parse(e.data);
    ['stage', 'cost', 'bound', 'gap'].forEach(function (k) {
      var el = box.querySelector('[data-k=' + k + ']');
      if (el) el.textContent = p[k];
    });
    if (p.value !== undefined) {
      bar.setAttribute('aria-valuenow', String(p.value));
      fill.style.width = p.value + '%';
    }
    bar.setAttribute('aria-valuetext', p.stage + '; ' + p.gap);
  });
  events.addEventListener('done', function () {
    events.close();
    window.location.reload();
  });
})();
`;
