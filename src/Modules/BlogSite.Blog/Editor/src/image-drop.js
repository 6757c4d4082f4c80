// Images pasted or dropped into the text: each gets a placeholder where it lands, and the page's image dialog
// (image-dialog.js, through a "blogsite:image-files" event) uploads it, asks for its alt text and puts the image's
// Markdown in the placeholder's place.
import { EditorView } from '@codemirror/view';

const imagesOf = transfer => [...(transfer?.files ?? [])].filter(file => file.type.startsWith('image/'));

// Numbered: two pasted screenshots are both called image.png, and each upload must find its own placeholder.
let uploads = 0;
const placeholderFor = file => `![Uploading ${file.name.replace(/[[\]\n]/g, '')} (${++uploads})…]()`;

const replace = view => (placeholder, text) => {
  const at = view.state.doc.toString().indexOf(placeholder);
  if (at < 0) return false;
  view.dispatch({ changes: { from: at, to: at + placeholder.length, insert: text }, userEvent: 'input.image' });
  return true;
};

const receive = (view, files, position) => {
  const placeholders = files.map(placeholderFor);
  const text = placeholders.map(p => p + '\n').join('');
  view.dispatch({ changes: { from: position, insert: text }, selection: { anchor: position + text.length }, userEvent: 'input.image' });
  view.dom.dispatchEvent(new CustomEvent('blogsite:image-files', {
    bubbles: true,
    detail: { files: files.map((file, i) => ({ file, placeholder: placeholders[i] })), replace: replace(view) },
  }));
};

export const imageDrop = EditorView.domEventHandlers({
  paste(event, view) {
    const files = imagesOf(event.clipboardData);
    if (!files.length) return false;
    event.preventDefault();
    receive(view, files, view.state.selection.main.head);
    return true;
  },
  drop(event, view) {
    const files = imagesOf(event.dataTransfer);
    if (!files.length) return false;
    event.preventDefault();
    receive(view, files, view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head);
    return true;
  },
});
