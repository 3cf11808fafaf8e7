// Keyboard-friendly worklists: j/k move between rows, Enter opens (or does the row's main action), / focuses the search.
(function () {
  const rows = () => Array.from(document.querySelectorAll('table.worklist tbody tr[data-href]'));
  let current = -1;
  function focus(i) {
    const list = rows();
    if (!list.length) return;
    current = Math.max(0, Math.min(i, list.length - 1));
    const link = list[current].querySelector('[data-primary]') || list[current].querySelector('a');
    if (link) link.focus();
  }
  document.addEventListener('keydown', function (e) {
    const tag = (e.target.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'select' || tag === 'textarea') return;
    if (e.key === 'j') { focus(current + 1); e.preventDefault(); }
    else if (e.key === 'k') { focus(current - 1); e.preventDefault(); }
    else if (e.key === '/') { const s = document.querySelector('input[type=search]'); if (s) { s.focus(); e.preventDefault(); } }
  });
  document.addEventListener('click', function (e) {
    const tr = e.target.closest('tr[data-href]');
    if (tr && !e.target.closest('a,button,input,select')) window.location = tr.dataset.href;
  });
  document.addEventListener('submit', function (e) {
    const form = e.target.closest('form[data-confirm]');
    if (form && !window.confirm(form.dataset.confirm)) e.preventDefault();
  });
  // a select that changes where its form goes, or submits it (no inline script: the CSP forbids it)
  document.addEventListener('change', function (e) {
    const select = e.target;
    if (select.dataset && select.dataset.actionTemplate) {
      select.form.action = select.dataset.actionTemplate.replace('{}', encodeURIComponent(select.value));
    }
    if (select.dataset && 'autosubmit' in select.dataset) select.form.submit();
  });
})();

// long work (a bulk run) shows its progress: the page reloads itself while it runs
document.addEventListener('DOMContentLoaded', () => {
  const refresh = document.querySelector('[data-refresh]');
  if (refresh) {
    setTimeout(() => window.location.reload(), 1000 * Number(refresh.dataset.refresh || 2));
  }
});
