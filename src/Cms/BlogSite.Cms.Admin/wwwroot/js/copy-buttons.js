// Buttons with data-copy put an address on the clipboard (made absolute, as it is pasted elsewhere) and say so.
document.addEventListener('click', async event => {
  const button = event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }
  const text = new URL(button.dataset.copy, document.baseURI).href;
  const label = button.textContent;
  try {
    await navigator.clipboard.writeText(text);
    button.textContent = 'Copied';
  } catch {
    // Without clipboard access (an insecure origin), show the address to copy by hand.
    window.prompt('Copy this address:', text);
  }
  setTimeout(() => { button.textContent = label; }, 1500);
});
