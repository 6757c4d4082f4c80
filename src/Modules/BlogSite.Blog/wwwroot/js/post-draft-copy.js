// A copy of the post editor's fields in this browser's storage, written as the editor types and dropped once the
// server holds the same fields. After a crash, a lost connection or a refused save, opening the post offers it back
// when it is newer than the saved version. Used by post-editor.js.
window.BlogSiteDraftCopy = (() => {
  const key = id => `blogsite:post-copy:${id}`;
  const skipped = new Set(['__RequestVerificationToken', 'Form.ConcurrencyStamp', 'reviewNote']);
  const fieldsOf = form => [...new FormData(form)].filter(([name, value]) => typeof value === 'string' && !skipped.has(name));
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const read = id => { try { return JSON.parse(localStorage.getItem(key(id)) ?? 'null'); } catch { return null; } };
  // Storage can be full or switched off (private windows); the copy is a safety net, never a reason to fail.
  const write = (id, copy) => { try { localStorage.setItem(key(id), JSON.stringify(copy)); } catch { /* no net */ } };
  const drop = id => { try { localStorage.removeItem(key(id)); } catch { /* nothing kept */ } };

  const restore = (form, fields) => {
    for (const [name, value] of fields) {
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
    const text = Object.assign(document.createElement('p'), {
      textContent: `This browser kept a copy of your changes from ${when} that is newer than the saved version (the connection was lost, or a save did not go through).`,
    });
    const button = (label, className) => Object.assign(document.createElement('button'), { type: 'button', textContent: label, className });
    const restoreButton = button('Restore my copy', 'primary');
    const discardButton = button('Discard it', 'secondary');
    restoreButton.addEventListener('click', () => { banner.remove(); restore(form, copy.fields); });
    discardButton.addEventListener('click', () => { banner.remove(); drop(id); });
    const row = Object.assign(document.createElement('div'), { className: 'button-row' });
    row.append(restoreButton, discardButton);
    banner.append(text, row);
    form.before(banner);
    restoreButton.focus();
  };

  return {
    fieldsOf,

    // Keeps the form's fields for the post with this id ("new" before its first save).
    keep: (id, form) => write(id, { at: Date.now(), fields: fieldsOf(form) }),

    // The server now has <fields> for the post: the copy goes unless the editor has typed since.
    saved: (id, form, fields, previousId) => {
      if (previousId !== id) drop(previousId);
      if (same(fieldsOf(form), fields)) drop(id); else write(id, { at: Date.now(), fields: fieldsOf(form) });
    },

    // On opening the editor: a copy newer than the saved version, and different from it, is offered back.
    check: (form, id, savedAt) => {
      const copy = read(id);
      if (!copy) return;
      if (same(copy.fields, fieldsOf(form)) || (savedAt && copy.at <= Date.parse(savedAt))) { drop(id); return; }
      offer(form, id, copy);
    },
  };
})();
