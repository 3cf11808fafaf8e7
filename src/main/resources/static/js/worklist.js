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
    else if (['c', 'n', 'p', 'd', 't'].includes(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // on a collections worklist row: straight to the form (call, note, promise, dispute, task)
      const tr = document.activeElement && document.activeElement.closest('table.worklist tr[data-href]');
      const forms = { c: 'call', n: 'note', p: 'promise', d: 'dispute', t: 'task' };
      const here = document.getElementById(forms[e.key]);
      if (tr && tr.dataset.href.indexOf('/collections/customers/') >= 0) {
        window.location = tr.dataset.href + '#' + forms[e.key];
        e.preventDefault();
      } else if (!tr && here && here.tagName === 'FORM') {
        // on the collector's desk: the key goes to its form
        const field = here.querySelector('input:not([type=hidden]), select, textarea');
        if (field) { field.focus(); here.scrollIntoView(); e.preventDefault(); }
      }
    }
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

// a page opened on one of its forms (#call, #note...) puts the cursor in that form's first field (once the
// browser has scrolled to the form, which moves the focus itself)
window.addEventListener('load', () => {
  if (!window.location.hash) return;
  const form = document.getElementById(window.location.hash.substring(1));
  if (form && form.tagName === 'FORM') {
    const field = form.querySelector('input:not([type=hidden]), select, textarea');
    if (field) setTimeout(() => field.focus(), 0);
  }
});

// long work (a bulk run) shows its progress: the page reloads itself while it runs
document.addEventListener('DOMContentLoaded', () => {
  const refresh = document.querySelector('[data-refresh]');
  if (refresh) {
    setTimeout(() => window.location.reload(), 1000 * Number(refresh.dataset.refresh || 2));
  }
});
