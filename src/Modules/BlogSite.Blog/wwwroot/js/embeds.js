// Video placeholders (written by the Markdown renderer for a video address alone on its line) become the provider's
// player only when the reader clicks: until then the page asks nothing of YouTube, Vimeo or Dailymotion. The player's
// address is built here from the provider's name and a checked id, never taken from the page.
(() => {
  const players = {
    youtube: { id: /^[A-Za-z0-9_-]{11}$/, src: id => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`, name: 'YouTube' },
    vimeo: { id: /^[0-9]{6,12}$/, src: id => `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1`, name: 'Vimeo' },
    dailymotion: { id: /^[A-Za-z0-9]{5,12}$/, src: id => `https://www.dailymotion.com/embed/video/${id}?autoplay=1`, name: 'Dailymotion' },
  };

  document.addEventListener('click', event => {
    const link = event.target.closest?.('figure.embed a.embed-play');
    if (!link) return;
    const figure = link.closest('figure.embed');
    const player = Object.hasOwn(players, figure.dataset.embedProvider) ? players[figure.dataset.embedProvider] : null;
    const id = figure.dataset.embedId ?? '';
    if (!player || !player.id.test(id)) return;
    event.preventDefault();
    const frame = document.createElement('iframe');
    frame.src = player.src(id);
    frame.title = `${player.name} video`;
    frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
    frame.allowFullscreen = true;
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    figure.replaceChildren(frame);
    figure.classList.add('embed-playing');
    frame.focus();
  });
})();
