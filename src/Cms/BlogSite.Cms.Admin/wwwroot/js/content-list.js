// The content list: filters apply as they change (the Apply button stays for keyboards and browsers without
// scripts), and one checkbox selects every item on the page that bulk actions may take.
(() => {
  const filters = document.querySelector('form.filters');
  if (filters) {
    filters.addEventListener('change', event => {
      if (event.target.matches('select')) {
        filters.requestSubmit();
      }
    });
    let typing;
    const search = filters.querySelector('input[name="search"]');
    search?.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => filters.requestSubmit(), 400);
    });
    // The list reloads as one types: the search box keeps the caret, at the end, so typing goes on.
    if (search?.value && new URLSearchParams(location.search).has('search')) {
      search.focus();
      search.setSelectionRange(search.value.length, search.value.length);
    }
  }

  const all = document.getElementById('select-all');
  if (!all) {
    return;
  }
  const boxes = () => [...document.querySelectorAll('input[type="checkbox"][form="bulk"][name="ids"]')];
  all.hidden = false;
  all.addEventListener('change', () => boxes().forEach(box => { box.checked = all.checked; }));
  document.addEventListener('change', event => {
    if (event.target.matches('input[form="bulk"][name="ids"]')) {
      const checked = boxes().filter(box => box.checked).length;
      all.checked = checked > 0 && checked === boxes().length;
      all.indeterminate = checked > 0 && checked < boxes().length;
    }
  });
})();
