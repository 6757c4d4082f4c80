// Loaded in the head, without defer: marks the page as scripted before it is drawn (so phones fold the menu without a
// flash of the open one), then makes the Menu button open and close it.
document.documentElement.classList.add('js');
document.addEventListener('DOMContentLoaded', () => {
  const button = document.querySelector('.admin-menu-button');
  const nav = document.getElementById('admin-nav');
  if (!button || !nav) {
    return;
  }
  button.addEventListener('click', () => {
    const open = nav.classList.toggle('open');
    button.setAttribute('aria-expanded', String(open));
  });
});
