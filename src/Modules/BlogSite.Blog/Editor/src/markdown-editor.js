// The post body's Markdown editor: CodeMirror 6 over the form's textarea, which stays the field the form posts.
// Every change is copied into the textarea and announced with an `input` event, so the preview, autosave and the
// unsaved-changes warning in post-editor.js work as they did with the bare textarea.
import { EditorView, keymap, drawSelection, placeholder } from '@codemirror/view';
import { EditorState } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { syntaxHighlighting } from '@codemirror/language';
import { searchKeymap } from '@codemirror/search';
import { formatting } from './formatting.js';
import { markdownHighlight } from './highlight.js';
import { imageDrop } from './image-drop.js';
import { buildToolbar } from './toolbar.js';
import { countWords, readingMinutes } from './words.js';

const mount = textarea => {
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  const wrapper = document.createElement('div');
  wrapper.className = 'md-editor';
  const status = Object.assign(document.createElement('p'), { className: 'md-status hint', id: `${textarea.id}-count` });
  status.setAttribute('aria-live', 'polite');

  const showCount = doc => {
    const words = countWords(doc);
    status.textContent = `${words} ${words === 1 ? 'word' : 'words'} · ${readingMinutes(words)} min read`;
  };

  const view = new EditorView({
    parent: wrapper,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        history(),
        drawSelection(),
        EditorView.lineWrapping,
        markdown({ base: markdownLanguage }),
        imageDrop,
        syntaxHighlighting(markdownHighlight),
        placeholder('Write your post in Markdown…'),
        keymap.of([...formatting.keymap, ...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
        EditorView.contentAttributes.of({
          'aria-multiline': 'true',
          'aria-describedby': [textarea.getAttribute('aria-describedby'), status.id].filter(Boolean).join(' '),
          spellcheck: 'true',
          autocorrect: 'on',
          autocapitalize: 'sentences',
        }),
        EditorView.updateListener.of(update => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          textarea.dispatchEvent(new Event('input', { bubbles: true }));
          showCount(textarea.value);
        }),
      ],
    }),
  });

  // The label names the editor now; the hidden textarea keeps only its place in the form.
  if (label) {
    label.id ||= `${textarea.id}-label`;
    view.contentDOM.setAttribute('aria-labelledby', label.id);
    label.htmlFor = '';
    label.addEventListener('click', () => view.focus());
  }

  const toolbar = buildToolbar(view, {
    onFocusMode: on => document.documentElement.classList.toggle('md-focus-mode', on),
  });
  textarea.hidden = true;
  textarea.after(wrapper);
  wrapper.before(toolbar);
  wrapper.after(status);
  showCount(textarea.value);

  // Replaced from outside (a restored browser copy): the editor shows the textarea's new text.
  textarea.addEventListener('blogsite:replace', () => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: textarea.value } });
  });
  return view;
};

window.BlogSiteMarkdownEditor = { mount };
for (const textarea of document.querySelectorAll('textarea[data-markdown-editor]')) mount(textarea);
