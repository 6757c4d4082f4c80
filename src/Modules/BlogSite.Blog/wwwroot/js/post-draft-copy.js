// A copy of the post editor's fields in this browser's storage, written as the editor types and dropped once the
// server holds the same fields. After a crash, a lost connection or a refused save, opening the post offers back a
// copy that differs from the saved version. The copy remembers the version it was typed over: restored over a
// version someone saved since, the next save is refused as a conflict instead of replacing theirs. Used by
// post-editor.js.
window.BlogSiteDraftCopy = (() => {
  const key = id => `blogsite:post-copy:${id}`;
  const skipped = new Set(['__RequestVerificationToken', 'Form.ConcurrencyStamp', 'reviewNote']);
  const fieldsOf = form => [...new FormData(form)].filter(([name, value]) => typeof value === 'string' && !skipped.has(name));
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const read = id => { try { return JSON.parse(localStorage.getItem(key(id)) ?? 'null'); } catch { return null; } };
  // Storage can be full or switched off (private windows); the copy is a safety net, never a reason to fail.
  const write = (id, copy) => { try { localStorage.setItem(key(id), JSON.stringify(copy)); } catch { /* no net */ } };
  const drop = id => { try { localStorage.removeItem(key(id)); } catch { /* nothing kept */ } };

  const stampOf = form => form.elements.namedItem('Form.ConcurrencyStamp')?.value ?? '';

  const restore = (form, copy) => {
    const stamp = form.elements.namedItem('Form.ConcurrencyStamp');
    if (stamp && copy.stamp) stamp.value = copy.stamp;
    for (const [name, value] of copy.fields) {
      const element = form.elements.namedItem(name);
      if (!element || element instanceof RadioNodeList) continue;
      element.value = value;
      if (element.tagName === 'TEXTAREA') element.dispatchEvent(new Event('blogsite:replace'));
    }
    form.dispatchEvent(new Event('input', { bubbles: true }));
    form.dispatchEvent(new Event('change', { bubbles: true }));
  };

  const offer = (form, id, copy) => {
    const banner = document.createElement('div');
    banner.className = 'message warn draft-copy';
    banner.setAttribute('role', 'alert');
    const when = new Date(copy.at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
    const since = copy.stamp && copy.stamp !== stampOf(form)
      ? ' The post was saved since, perhaps by someone else: restoring asks before replacing that version.'
      : '';
    const text = Object.assign(document.createElement('p'), {
      textContent: `This browser kept a copy of your changes from ${when} that was not saved (the connection was lost, the browser closed, or a save did not go through).${since}`,
    });
    const button = (label, className) => Object.assign(document.createElement('button'), { type: 'button', textContent: label, className });
    const restoreButton = button('Restore my copy', 'primary');
    const discardButton = button('Discard it', 'secondary');
    restoreButton.addEventListener('click', () => { banner.remove(); restore(form, copy); });
    discardButton.addEventListener('click', () => { banner.remove(); drop(id); });
    const row = Object.assign(document.createElement('div'), { className: 'button-row' });
    row.append(restoreButton, discardButton);
    banner.append(text, row);
    form.before(banner);
    restoreButton.focus();
  };

  return {
    fieldsOf,

    // Keeps the form's fields for the post with this id ("new" before its first save), with the version they were
    // typed over; submitted marks a copy kept as the form is sent, which a landed save makes obsolete.
    keep: (id, form, submitted = false) => write(id, { at: Date.now(), stamp: stampOf(form), submitted, fields: fieldsOf(form) }),

    // The server now has <fields> for the post: the copy goes unless the editor has typed since.
    saved: (id, form, fields, previousId) => {
      if (previousId !== id) drop(previousId);
      if (same(fieldsOf(form), fields)) drop(id); else write(id, { at: Date.now(), stamp: stampOf(form), submitted: false, fields: fieldsOf(form) });
    },

    // On opening the editor: a copy that differs from the saved version is offered back, unless it was kept as the
    // form was sent and that save landed (the version is no longer the one it was typed over).
    check: (form, id) => {
      // A new post sent with its form landed once any post's editor opens (it redirects to the new post's).
      if (id !== 'new' && read('new')?.submitted) drop('new');
      const copy = read(id);
      if (!copy) return;
      if (same(copy.fields, fieldsOf(form)) || (copy.submitted && copy.stamp !== stampOf(form))) { drop(id); return; }
      offer(form, id, copy);
    },
  };
})();
