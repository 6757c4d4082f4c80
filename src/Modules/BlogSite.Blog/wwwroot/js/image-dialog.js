// The post editor's image dialog: pick an image from the media library (searchable) or upload one, say what it shows,
// and the image's Markdown goes where the cursor is. Pasted and dropped images are uploaded with their progress shown
// and then ask for their alt text here too. The library is the featured-image list the page already has.
(() => {
  const form = document.getElementById('post-editor');
  const library = form?.elements.namedItem('Form.ImagePath');
  if (!form || !library) return;
  const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
  const uploadAddress = document.getElementById('image-upload')?.dataset.upload;

  const element = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };
  const markdownOf = (path, alt) => `![${alt.replace(/([[\]\\])/g, '\\$1')}](/media/${encodeURI(path)})`;

  const status = element('p', { className: 'hint image-dialog-status', role: 'status' });
  const search = element('input', { type: 'search', id: 'image-dialog-search', placeholder: 'Search by name' });
  const grid = element('div', { className: 'image-dialog-grid', role: 'listbox', ariaLabel: 'Images in the media library' });
  const alt = element('input', { type: 'text', id: 'image-dialog-alt', maxLength: 300 });
  const decorative = element('input', { type: 'checkbox', id: 'image-dialog-decorative' });
  const upload = element('input', { type: 'file', id: 'image-dialog-upload', accept: 'image/jpeg,image/png,image/gif,image/webp' });
  const insert = element('button', { type: 'button', className: 'primary', textContent: 'Insert image' });
  const cancel = element('button', { type: 'button', className: 'secondary', textContent: 'Cancel' });
  const dialog = element('dialog', { className: 'image-dialog' },
    element('h2', { id: 'image-dialog-heading', textContent: 'Insert an image' }),
    element('label', { htmlFor: 'image-dialog-search', textContent: 'Find an image' }), search, grid,
    ...(uploadAddress ? [element('label', { htmlFor: 'image-dialog-upload', textContent: 'Or upload a new one' }), upload] : []),
    element('label', { htmlFor: 'image-dialog-alt', textContent: 'Alt text: what the image shows' }), alt,
    element('label', { className: 'checkbox' }, decorative, ' It is decoration only (no alt text)'),
    status,
    element('div', { className: 'button-row' }, insert, cancel));
  dialog.setAttribute('aria-labelledby', 'image-dialog-heading');
  document.body.append(dialog);

  let chosen = null, done = null;
  const choose = path => {
    chosen = path;
    for (const option of grid.children) option.setAttribute('aria-selected', String(option.dataset.path === path));
    // The library's own description of the image is the starting point; what the writer typed stays, and words
    // filled in for another image give way.
    const described = [...library.options].find(o => o.value === path)?.dataset.alt ?? '';
    if (!alt.value.trim() || alt.value === alt.dataset.filled) {
      alt.value = described;
      alt.dataset.filled = described;
    }
  };
  const showLibrary = () => {
    const words = search.value.trim().toLowerCase();
    grid.replaceChildren(...[...library.options].filter(o => o.value && o.value.toLowerCase().includes(words)).slice(0, 60).map(o => {
      const option = element('button', { type: 'button', className: 'image-dialog-option', title: o.value },
        element('img', { src: o.dataset.thumbnail, alt: '', loading: 'lazy' }), element('span', { textContent: o.value }));
      option.setAttribute('role', 'option');
      option.dataset.path = o.value;
      option.addEventListener('click', () => choose(o.value));
      return option;
    }));
    if (chosen) choose(chosen);
  };
  search.addEventListener('input', showLibrary);

  // Uploads through the media library's own checks; the new image joins the library list.
  const send = file => new Promise(resolve => {
    const body = new FormData();
    body.append('files', file);
    body.append('__RequestVerificationToken', token);
    const request = new XMLHttpRequest();
    request.open('POST', uploadAddress);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = e => { if (e.lengthComputable) status.textContent = `Uploading ${file.name}: ${Math.round(100 * e.loaded / e.total)}%`; };
    request.onload = () => {
      let result;
      // A signed-out session answers with the sign-in page, not JSON.
      try { result = JSON.parse(request.responseText || '{}'); } catch { result = { problems: ['The upload was refused; sign in again and retry.'] }; }
      if (request.status !== 200 || !result.uploaded?.length) { resolve({ problem: (result.problems ?? ['The upload failed.']).join(' ') }); return; }
      for (const file of result.uploaded) {
        const option = element('option', { value: file.path, textContent: file.path });
        option.dataset.thumbnail = file.thumbnail;
        library.append(option);
      }
      resolve({ path: result.uploaded[0].path });
    };
    request.onerror = () => resolve({ problem: 'The upload failed; check the connection and try again.' });
    request.send(body);
  });
  upload.addEventListener('change', async () => {
    if (!upload.files.length) return;
    const sent = await send(upload.files[0]);
    upload.value = '';
    if (sent.problem) { status.textContent = sent.problem; return; }
    status.textContent = `Uploaded ${sent.path}.`;
    search.value = '';
    showLibrary();
    choose(sent.path);
  });

  // One dialog at a time: a second upload that lands while the first asks for its alt text waits its turn.
  let queue = Promise.resolve();
  const open = (path, suggestedAlt) => (queue = queue.then(() => ask(path, suggestedAlt)));
  const ask = (path, suggestedAlt) => new Promise(resolve => {
    done = resolve;
    chosen = path;
    alt.value = suggestedAlt ?? '';
    decorative.checked = false;
    status.textContent = '';
    search.value = '';
    showLibrary();
    dialog.showModal();
    (path ? alt : search).focus();
  });
  const close = result => { dialog.close(); done?.(result); done = null; };
  insert.addEventListener('click', () => {
    if (!chosen) { status.textContent = 'Choose an image, or upload one.'; return; }
    if (!alt.value.trim() && !decorative.checked) { status.textContent = 'Say what the image shows, or mark it as decoration.'; alt.focus(); return; }
    close(markdownOf(chosen, decorative.checked ? '' : alt.value.trim()));
  });
  cancel.addEventListener('click', () => close(null));
  dialog.addEventListener('cancel', () => { done?.(null); done = null; });

  form.addEventListener('blogsite:image', async event => {
    event.preventDefault();
    const text = await open(null, event.detail.alt);
    if (text) event.detail.insert(text);
  });

  form.addEventListener('blogsite:image-files', async event => {
    for (const { file, placeholder } of event.detail.files) {
      if (!uploadAddress) { event.detail.replace(placeholder, ''); continue; }
      const editorStatus = document.getElementById('autosave-status');
      editorStatus.textContent = `Uploading ${file.name}…`;
      const sent = await send(file);
      editorStatus.textContent = sent.problem ? `${file.name} was not uploaded: ${sent.problem}` : '';
      const text = sent.problem ? null : await open(sent.path, '');
      event.detail.replace(placeholder, text ?? '');
    }
  });
})();
