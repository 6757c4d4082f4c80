// Destructive actions ask first: a button (or a chosen <option>) with data-confirm submits only once the editor
// agrees. Listening on the document in the capture phase runs this before any page script sees the submission.
document.addEventListener('submit', event => {
  const form = event.target;
  const message = event.submitter?.dataset.confirm ?? form.querySelector('option:checked[data-confirm]')?.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);
