// The post editor's enhancements: slug from title, live Markdown preview scrolled with the text, the Write/Preview
// switch, tag suggestions, image preview, autosave from the first keystroke (untitled drafts too) with a copy in the
// browser's storage (post-draft-copy.js), Ctrl/Cmd+S, and a warning before leaving with unsaved changes. The Markdown
// editor itself is markdown-editor.js (built from ../../Editor).
(() => {
  const form = document.getElementById('post-editor');
  if (!form) return;
  const field = name => form.elements.namedItem('Form.' + name);
  const title = field('Title'), slug = field('Slug'), markdown = field('Markdown'), tags = field('Tags');
  const image = field('ImagePath'), date = field('PublishDate'), stamp = field('ConcurrencyStamp');
  const status = document.getElementById('autosave-status');
  const preview = document.getElementById('markdown-preview');
  const publish = document.getElementById('publish-button');
  const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
  const copy = window.BlogSiteDraftCopy;
  // Saved a few seconds after the editor pauses, and at least this often while they keep typing.
  const AUTOSAVE_DELAY = 3000, AUTOSAVE_LONGEST_WAIT = 15000;
  let dirty = false, submitting = false, autosaveTimer = 0, previewTimer = 0, saving = null, autosavePaused = false, dirtySince = 0;
  let postId = form.dataset.postId, copyTimer = 0;
  copy.check(form, postId);

  const slugify = text => text.normalize('NFD').replace(/[\u0300-\u036f'’‘]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const followTitle = () => { if (slug.dataset.generated === 'true') slug.value = slugify(title.value); };
  title.addEventListener('input', followTitle);
  // A title typed (or restored by the browser) before this script ran still gets its slug.
  followTitle();
  slug.addEventListener('input', () => { slug.dataset.generated = slug.value === '' ? 'true' : 'false'; });

  // Live preview, rendered by the server's own sanitizing renderer so it matches the public page.
  const renderPreview = async () => {
    const body = new URLSearchParams({ markdown: markdown.value, __RequestVerificationToken: token });
    const response = await fetch(form.dataset.markdown, { method: 'POST', body, credentials: 'same-origin' });
    if (response.ok) preview.innerHTML = await response.text();
  };
  markdown.addEventListener('input', () => { clearTimeout(previewTimer); previewTimer = setTimeout(renderPreview, 250); });
  if (markdown.value) renderPreview();

  // The preview follows the text's scroll position (markdown-editor.js has put CodeMirror's scroller in place).
  const scroller = form.querySelector('.cm-scroller');
  scroller?.addEventListener('scroll', () => {
    const ratio = scroller.scrollTop / Math.max(1, scroller.scrollHeight - scroller.clientHeight);
    preview.scrollTop = ratio * (preview.scrollHeight - preview.clientHeight);
  });

  // Narrow screens show the text or its preview: the Write/Preview switch chooses.
  const panes = form.querySelector('.markdown-editor');
  const paneButtons = [...form.querySelectorAll('.md-panes-switch button')];
  for (const button of paneButtons) {
    button.addEventListener('click', () => {
      panes.dataset.pane = button.dataset.pane;
      for (const other of paneButtons) other.setAttribute('aria-pressed', String(other === button));
    });
  }

  // Suggest existing tags for the tag being typed after the last comma.
  const list = document.getElementById('tag-suggestions');
  const known = JSON.parse(list.dataset.tags || '[]');
  tags.addEventListener('input', () => {
    const parts = tags.value.split(',');
    const typed = parts.pop().trim().toLowerCase();
    const prefix = parts.map(p => p.trim()).filter(Boolean).join(', ');
    const chosen = new Set(parts.map(p => p.trim().toLowerCase()));
    list.replaceChildren(...known
      .filter(t => !chosen.has(t.toLowerCase()) && (typed === '' || t.toLowerCase().includes(typed)))
      .slice(0, 20)
      .map(t => Object.assign(document.createElement('option'), { value: prefix ? `${prefix}, ${t}` : t })));
  });

  const showImage = () => {
    const img = document.getElementById('image-preview');
    const option = image.selectedOptions[0];
    img.hidden = !option || !option.dataset.thumbnail;
    if (!img.hidden) { img.src = option.dataset.thumbnail; img.alt = 'Selected image: ' + option.value; }
  };
  image.addEventListener('change', showImage);
  showImage();
  // A newly chosen featured image brings the library's alt text and caption for it, where the writer has none yet.
  image.addEventListener('change', () => {
    const option = image.selectedOptions[0];
    for (const [name, described] of [['ImageAlt', option?.dataset.alt ?? ''], ['ImageCaption', option?.dataset.caption ?? '']]) {
      const input = field(name);
      // What the writer typed stays; words filled in for the image chosen before give way.
      if (input && (!input.value.trim() || input.value === input.dataset.filled) && input.value !== described) {
        input.value = described;
        input.dataset.filled = described;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }
  });

  // Upload from the editor: the media library checks the file; the new image is added to the list and chosen.
  const upload = document.getElementById('image-upload');
  if (upload) {
    const uploadStatus = document.getElementById('image-upload-status');
    upload.addEventListener('change', async () => {
      if (!upload.files.length) return;
      const body = new FormData();
      body.append('files', upload.files[0]);
      body.append('__RequestVerificationToken', token);
      uploadStatus.textContent = 'Uploading…';
      try {
        const response = await fetch(upload.dataset.upload, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } });
        const result = await response.json();
        if (!response.ok) { uploadStatus.textContent = result.problems.join(' '); return; }
        for (const file of result.uploaded) {
          const option = Object.assign(document.createElement('option'), { value: file.path, textContent: file.path });
          option.dataset.thumbnail = file.thumbnail;
          image.append(option);
          image.value = file.path;
        }
        showImage();
        dirty = true;
        uploadStatus.textContent = 'Uploaded and chosen: ' + image.value + '.';
      } catch {
        uploadStatus.textContent = 'The upload failed; try again or use the media library.';
      } finally {
        upload.value = '';
      }
    });
  }

  // The date is entered in the site's time zone, not the browser's: both sides are read as if UTC, and the site's
  // clock moves on with the page's.
  const loadedAt = Date.now();
  const siteNowAtLoad = Date.parse(date.dataset.siteNow + 'Z');
  const labelPublish = () => {
    const future = date.value && Date.parse(date.value + 'Z') > siteNowAtLoad + (Date.now() - loadedAt);
    if (publish) {
      publish.textContent = future ? (publish.dataset.scheduled === 'true' ? 'Update schedule' : 'Schedule')
        : publish.dataset.live === 'true' ? 'Update' : 'Publish';
    }
  };
  date.addEventListener('input', labelPublish);
  labelPublish();

  const say = text => { status.textContent = text; };
  const badge = document.querySelector('.status-line .badge');
  const showState = (name, cssClass) => { if (badge && name) { badge.textContent = name; badge.className = 'badge ' + cssClass; } };

  // Autosave: the draft is saved a few seconds after the last change; the server answers 409 when someone else
  // saved meanwhile, and then nothing is overwritten.
  // how: 'automatically ' for an autosave, '' for Ctrl/Cmd+S, which saves a draft as the Save draft button does.
  const autosave = async (how = 'automatically ') => {
    if (!dirty || submitting || autosavePaused) return;
    // One save at a time, each with the stamp the one before returned; a wait may find nothing left to save.
    while (saving) await saving;
    if (!dirty || submitting || autosavePaused) return;
    dirty = false;
    dirtySince = 0;
    say('Saving…');
    const sent = copy.fieldsOf(form);
    // The autosave endpoint takes the form's fields by their own names, without the page's "Form." prefix.
    const body = new FormData();
    for (const [key, value] of new FormData(form)) body.append(key.replace(/^Form\./, ''), value);
    const address = form.dataset.autosave + (how === '' ? '?draft=true' : '');
    saving = fetch(address, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(async response => {
        const result = await response.json().catch(() => ({}));
        if (response.ok) {
          stamp.value = result.stamp;
          copy.saved(result.id, form, sent, postId);
          postId = result.id;
          showState(result.state, result.stateClass);
          // The server says where this post lives now (a new post has an address only after its first save).
          const links = result.links;
          if (location.pathname !== links.edit) history.replaceState(null, '', links.edit);
          form.dataset.autosave = links.autosave;
          form.action = links.save;
          for (const button of form.querySelectorAll('button[data-link]')) button.formAction = links[button.dataset.link];
          say('Draft saved ' + how + 'at ' + new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) + '.');
        } else if (response.status === 409) {
          // Never overwrite someone else's work in the background: autosave stops, and the editor decides.
          dirty = true;
          autosavePaused = true;
          say('Not saved: ' + result.message + ' Autosave is paused. Your text is kept here; Save draft tells you more, or reload to see their version.');
        } else if (response.status === 422) {
          dirty = true;
          say('Not saved automatically yet: ' + Object.values(result.errors || {}).join(' '));
        } else {
          dirty = true;
          say('Autosave failed; your changes are still here. Use Save draft.');
        }
      })
      .catch(() => { dirty = true; say('Autosave failed (offline?); your changes are still here.'); })
      .finally(() => { saving = null; });
    await saving;
  };

  const changed = event => {
    // A note sending the post back to its author is not part of the post.
    if (event.target?.dataset?.notPost !== undefined) return;
    dirty = true;
    dirtySince ||= Date.now();
    clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(autosave, Math.max(0, Math.min(AUTOSAVE_DELAY, dirtySince + AUTOSAVE_LONGEST_WAIT - Date.now())));
    clearTimeout(copyTimer);
    copyTimer = setTimeout(() => copy.keep(postId, form), 300);
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);

  // Ctrl/Cmd+S saves the draft where the editor is, instead of the browser's "Save page as". After a conflict paused
  // autosave, it saves through the form, which explains the conflict.
  document.addEventListener('keydown', event => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
    event.preventDefault();
    clearTimeout(autosaveTimer);
    if (autosavePaused) { form.requestSubmit(form.querySelector('button[data-link="save"]')); return; }
    dirty = true;
    autosave('');
  });

  let queuedSubmit = false;
  form.addEventListener('submit', event => {
    const button = event.submitter;
    // One submission per page: a second click while the first is on its way would post the same version twice.
    if (submitting) { event.preventDefault(); return; }
    clearTimeout(autosaveTimer);
    if (saving) {
      // An autosave is on its way (for a new post it creates the post): submit once it has landed, to the address
      // and with the version it returns, so the post is not created twice.
      event.preventDefault();
      if (!queuedSubmit) {
        queuedSubmit = true;
        saving.then(() => { queuedSubmit = false; form.requestSubmit(button); });
      }
      return;
    }
    submitting = true;
  });

  // Coming back to this page from the browser's history restores it as it was left, mid-submit.
  window.addEventListener('pageshow', event => { if (event.persisted) submitting = false; });

  window.addEventListener('beforeunload', event => {
    if (dirty) copy.keep(postId, form, submitting);
    if (dirty && !submitting) { event.preventDefault(); event.returnValue = ''; }
  });
})();
