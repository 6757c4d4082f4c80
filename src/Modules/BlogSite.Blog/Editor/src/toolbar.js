// The formatting toolbar: one button per command, named for screen readers, with its shortcut in the tooltip; arrow
// keys move between buttons (one tab stop for the whole bar), as the ARIA toolbar pattern has it.
import { commands, shortcuts } from './formatting.js';
import { icon } from './icons.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const shortcutText = key => key.replace('Mod', isMac ? '⌘' : 'Ctrl').replace('Alt', isMac ? '⌥' : 'Alt').replaceAll('-', '+');

const buttons = [
  ['heading', 'Heading'],
  ['bold', 'Bold'],
  ['italic', 'Italic'],
  ['link', 'Link'],
  ['quote', 'Quote'],
  ['bulletList', 'Bulleted list'],
  ['numberedList', 'Numbered list'],
  ['code', 'Code'],
  ['table', 'Table'],
  ['image', 'Image'],
];

// The icon is decoration; the name is the words, read out and matched by speech input ("click Bold").
const button = (iconName, label, className) => {
  const element = Object.assign(document.createElement('button'), { type: 'button', className, tabIndex: -1, title: label });
  const name = Object.assign(document.createElement('span'), { className: 'md-label', textContent: label });
  element.append(icon(iconName), name);
  return element;
};

export const buildToolbar = (view, { onFocusMode }) => {
  const bar = document.createElement('div');
  bar.className = 'md-toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Formatting');
  bar.setAttribute('aria-controls', view.contentDOM.id ||= 'md-editor-content');

  for (const [name, label] of buttons) {
    const element = button(name, label, `md-button md-${name}`);
    if (shortcuts[name]) {
      element.title = `${label} (${shortcutText(shortcuts[name])})`;
      element.setAttribute('aria-keyshortcuts', shortcuts[name].replace('Mod', isMac ? 'Meta' : 'Control'));
    }
    // Keep the editor's selection: a mouse press on the button must not take the focus first.
    element.addEventListener('mousedown', event => event.preventDefault());
    element.addEventListener('click', () => commands[name](view));
    bar.append(element);
  }

  const focus = button('focus', 'Focus mode', 'md-button md-focus');
  focus.setAttribute('aria-pressed', 'false');
  const setFocusMode = on => {
    focus.setAttribute('aria-pressed', String(on));
    onFocusMode(on);
    view.focus();
  };
  focus.addEventListener('click', () => setFocusMode(focus.getAttribute('aria-pressed') !== 'true'));
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && focus.getAttribute('aria-pressed') === 'true') setFocusMode(false);
  });
  bar.append(focus);

  const all = [...bar.querySelectorAll('button')];
  all[0].tabIndex = 0;
  bar.addEventListener('keydown', event => {
    const at = all.indexOf(document.activeElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = all[(next + all.length) % all.length];
    all[at].tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  });
  return bar;
};
