// The formatting commands behind the toolbar and the keyboard shortcuts. Each one works on every selection range and
// undoes in one step; wrapping a selection that is already wrapped unwraps it.
import { EditorSelection } from '@codemirror/state';

const wrap = marker => view => {
  const { state } = view;
  view.dispatch(state.changeByRange(range => {
    const before = state.sliceDoc(range.from - marker.length, range.from);
    const after = state.sliceDoc(range.to, range.to + marker.length);
    if (before === marker && after === marker) {
      return {
        changes: [{ from: range.from - marker.length, to: range.from }, { from: range.to, to: range.to + marker.length }],
        range: EditorSelection.range(range.from - marker.length, range.to - marker.length),
      };
    }
    return {
      changes: [{ from: range.from, insert: marker }, { from: range.to, insert: marker }],
      range: EditorSelection.range(range.from + marker.length, range.to + marker.length),
    };
  }), { scrollIntoView: true, userEvent: 'input.format' });
  view.focus();
  return true;
};

// Adds the prefix to every line the selection touches, or takes it away when every one of them has it already.
// `prefix` may be a function of the line's position among the chosen lines (numbered lists).
const linePrefix = (prefix, pattern) => view => {
  const { state } = view;
  const lines = [];
  for (const range of state.selection.ranges) {
    for (let n = state.doc.lineAt(range.from).number; n <= state.doc.lineAt(range.to).number; n++) {
      if (!lines.some(line => line.number === n)) lines.push(state.doc.line(n));
    }
  }
  const removing = lines.every(line => pattern.test(line.text));
  const changes = lines.map((line, i) => removing
    ? { from: line.from, to: line.from + line.text.match(pattern)[0].length }
    : { from: line.from, insert: typeof prefix === 'function' ? prefix(i) : prefix });
  view.dispatch({ changes, scrollIntoView: true, userEvent: 'input.format' });
  view.focus();
  return true;
};

// Puts `text` on lines of its own at the cursor and selects `select` within it (a placeholder to type over).
const insertBlock = (text, select) => view => {
  const { state } = view;
  const at = state.selection.main.head;
  const line = state.doc.lineAt(at);
  const lead = line.text.trim() === '' ? '' : '\n\n';
  const from = line.text.trim() === '' ? line.from : line.to;
  const start = from + lead.length + text.indexOf(select);
  view.dispatch({
    changes: { from, to: line.to, insert: lead + text },
    selection: EditorSelection.range(start, start + select.length),
    scrollIntoView: true,
    userEvent: 'input.format',
  });
  view.focus();
  return true;
};

const link = view => {
  const { state } = view;
  view.dispatch(state.changeByRange(range => {
    const text = state.sliceDoc(range.from, range.to) || 'link text';
    const insert = `[${text}](https://)`;
    const urlStart = range.from + text.length + 3;
    return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.range(urlStart, urlStart + 8) };
  }), { scrollIntoView: true, userEvent: 'input.format' });
  view.focus();
  return true;
};

// Inline code for a selection within a line, a fenced block for one that spans lines or for an empty line.
const code = view => {
  const { state } = view;
  const range = state.selection.main;
  const multiline = state.doc.lineAt(range.from).number !== state.doc.lineAt(range.to).number;
  if (!multiline && !(range.empty && state.doc.lineAt(range.from).text.trim() === '')) return wrap('`')(view);
  const text = state.sliceDoc(range.from, range.to);
  return insertBlock('```\n' + (text || 'code') + '\n```\n', text || 'code')(view);
};

// The page's image dialog (image-dialog.js) answers a cancelable "blogsite:image" event with the Markdown to insert;
// without it, the command writes the image syntax for the author to complete.
const image = view => {
  const { from, to } = view.state.selection.main;
  const asked = new CustomEvent('blogsite:image', {
    bubbles: true,
    cancelable: true,
    detail: {
      alt: view.state.sliceDoc(from, to),
      insert: text => {
        view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length }, scrollIntoView: true, userEvent: 'input.image' });
        view.focus();
      },
    },
  });
  if (!view.dom.dispatchEvent(asked)) return true;
  const { state } = view;
  const alt = state.sliceDoc(state.selection.main.from, state.selection.main.to) || 'Describe the image';
  view.dispatch({
    changes: { from: state.selection.main.from, to: state.selection.main.to, insert: `![${alt}](/media/)` },
    selection: EditorSelection.range(state.selection.main.from + 2, state.selection.main.from + 2 + alt.length),
    scrollIntoView: true,
    userEvent: 'input.format',
  });
  view.focus();
  return true;
};

export const commands = {
  heading: linePrefix('## ', /^#{1,6} /),
  bold: wrap('**'),
  italic: wrap('_'),
  link,
  quote: linePrefix('> ', /^> ?/),
  bulletList: linePrefix('- ', /^[-*+] /),
  numberedList: linePrefix(i => `${i + 1}. `, /^\d+\. /),
  code,
  table: insertBlock('| Column | Column |\n| --- | --- |\n| Cell | Cell |\n', 'Column'),
  image,
};

// Mod is Ctrl, or Cmd on a Mac.
export const shortcuts = {
  heading: 'Mod-Alt-2',
  bold: 'Mod-b',
  italic: 'Mod-i',
  link: 'Mod-k',
  quote: 'Mod-Shift-.',
  bulletList: 'Mod-Shift-8',
  numberedList: 'Mod-Shift-7',
  code: 'Mod-e',
  image: 'Mod-Shift-i',
};

export const formatting = {
  keymap: Object.entries(shortcuts).map(([name, key]) => ({ key, run: commands[name], preventDefault: true })),
};
