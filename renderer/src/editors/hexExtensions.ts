import { type Extension, RangeSetBuilder, StateField, type Text } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  gutter,
  GutterMarker,
  ViewPlugin,
  type ViewUpdate,
  WidgetType,
  type EditorView,
} from '@codemirror/view';
import { asciiOf, bytesInLine } from './hexText';

/** Byte offset at the start of every line (lines may hold more or fewer than 16 bytes once edited). */
function lineOffsets(doc: Text): Uint32Array {
  const starts = new Uint32Array(doc.lines + 1);
  let offset = 0;
  for (let i = 1; i <= doc.lines; i++) {
    starts[i] = offset;
    offset += bytesInLine(doc.line(i).text);
  }
  return starts;
}

const offsets = StateField.define<Uint32Array>({
  create: (state) => lineOffsets(state.doc),
  update: (value, tr) => (tr.docChanged ? lineOffsets(tr.state.doc) : value),
});

class OffsetMarker extends GutterMarker {
  constructor(readonly offset: number) {
    super();
  }
  override eq(other: OffsetMarker) {
    return other.offset === this.offset;
  }
  override toDOM() {
    const span = document.createElement('span');
    span.className = 'cm-hex-offset';
    span.textContent = this.offset.toString(16).padStart(8, '0');
    return span;
  }
}

/** The gutter: each line's first byte offset, in hex like xxd. */
const offsetGutter = gutter({
  class: 'cm-hex-gutter',
  lineMarker(view, line) {
    const number = view.state.doc.lineAt(line.from).number;
    return new OffsetMarker(view.state.field(offsets)[number] ?? 0);
  },
  lineMarkerChange: (update) => update.docChanged,
  initialSpacer: () => new OffsetMarker(0xffffffff),
});

class AsciiWidget extends WidgetType {
  constructor(readonly text: string) {
    super();
  }
  override eq(other: AsciiWidget) {
    return other.text === this.text;
  }
  override toDOM() {
    const span = document.createElement('span');
    span.className = 'cm-hex-ascii';
    span.setAttribute('aria-hidden', 'true');
    span.textContent = this.text;
    return span;
  }
}

/** The printable-ASCII column after each visible line (only lines on screen are decorated). */
function asciiDecorations(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos);
      const text = asciiOf(line.text);
      if (text) builder.add(line.to, line.to, Decoration.widget({ widget: new AsciiWidget(text), side: 1 }));
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

const asciiColumn = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = asciiDecorations(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = asciiDecorations(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** The hex view: offsets on the left, ASCII on the right, the editable bytes in between. */
export const hexExtensions: Extension = [offsets, offsetGutter, asciiColumn];
