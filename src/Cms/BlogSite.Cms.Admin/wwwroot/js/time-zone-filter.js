// Settings: typing in the search box narrows the time-zone list to the places, regions and offsets that match.
(() => {
  const filter = document.getElementById('time-zone-filter');
  const select = document.getElementById(filter?.getAttribute('aria-controls') ?? '');
  if (!filter || !select) {
    return;
  }
  filter.hidden = false;
  filter.addEventListener('input', () => {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const group of select.querySelectorAll('optgroup')) {
      let shown = 0;
      for (const option of group.querySelectorAll('option')) {
        const text = `${group.label} ${option.textContent} ${option.value}`.toLowerCase();
        option.hidden = !option.selected && !words.every(word => text.includes(word));
        shown += option.hidden ? 0 : 1;
      }
      group.hidden = shown === 0;
    }
  });
})();
