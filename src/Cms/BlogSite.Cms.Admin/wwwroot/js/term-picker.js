// Taxonomy editor: the parent and merge pickers share one list of suggestions, refilled from the server with the
// few names that match what is typed, so the page never carries every term of a large taxonomy.
(() => {
  const list = document.getElementById('term-choices');
  if (!list) {
    return;
  }
  let timer = 0;
  let asked = null;
  const refill = async input => {
    const typed = input.value.trim();
    if (typed === asked) {
      return;
    }
    asked = typed;
    const url = `${input.dataset.termChoices}&q=${encodeURIComponent(typed)}`;
    const answer = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!answer.ok || asked !== typed) {
      return;
    }
    const names = await answer.json();
    list.replaceChildren(...names.map(name => {
      const option = document.createElement('option');
      option.value = name;
      return option;
    }));
  };
  for (const input of document.querySelectorAll('input[data-term-choices]')) {
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => refill(input), 150);
    });
  }
})();
