/**
 * The article's text as the reader's DOM holds it, with where each character came from. Main
 * builds the text highlights anchor in by the rules of src/main/core/content/text-builder.ts
 * (docs/technotes/anchoring.md, "Whitespace"); this walk applies the same rules to the rendered
 * body, so a selection maps to offsets in that text and offsets map back to text nodes to paint.
 * It never uses Selection.toString(), whose newlines differ between browsers.
 *
 * Typed against a minimal node shape (not the DOM lib) so unit tests can run it on linkedom
 * against main's htmlToText.
 */
import { TEXT_BLOCKS } from '../../../../shared/anchoring';

/** The parts of a DOM node the walk reads. */
export interface WalkNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<WalkNode>;
  /** Text nodes only. */
  data?: string;
  /** Elements only. */
  getAttribute?: (name: string) => string | null;
}

/** The text of a body and, per character, the text node and offset it came from. */
export interface TextMap<N extends WalkNode = WalkNode> {
  text: string;
  /** The text node of each character; null for separators the rules add ("\n\n", "\n"). */
  nodes: (N | null)[];
  /** The offset in its text node of each character (-1 for separators). */
  offsets: number[];
}

const TEXT = 3;
const ELEMENT = 1;
/** As html-text.ts: elements whose content is never text for a reader. */
const SKIPPED = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'template', 'noscript']);
const SKIPPED_TREES = new Set(['svg', 'math', 'head']);
const COLLAPSIBLE = /[ \t\n\r\f\u00a0]/;

/**
 * Elements the reader put into the body itself and that are not in the article's text: image
 * placeholders (lib/article-body.ts, which replace an <img> that gives no text) and anything
 * marked `data-folio-ui`.
 */
function isInserted(node: WalkNode): boolean {
  const cls = node.getAttribute?.('class') ?? '';
  return (
    cls.split(/\s+/).includes('image-placeholder') || node.getAttribute?.('data-folio-ui') != null
  );
}

/** Returns the text of `root`'s content by main's rules, with each character's source. */
export function buildTextMap<N extends WalkNode>(root: N): TextMap<N> {
  const builder = new MappedTextBuilder<N>();
  walk(root, builder, 0);
  return builder.done();
}

function walk<N extends WalkNode>(parent: N, out: MappedTextBuilder<N>, preDepth: number): void {
  const children = parent.childNodes;
  for (let i = 0; i < children.length; i++) {
    const node = children[i] as N;
    if (node.nodeType === TEXT) {
      out.text(node, preDepth > 0);
      continue;
    }
    if (node.nodeType !== ELEMENT) continue;
    const name = node.nodeName.toLowerCase();
    if (SKIPPED.has(name) || SKIPPED_TREES.has(name) || isInserted(node)) continue;
    if (name === 'br') {
      out.lineBreak();
      continue;
    }
    const block = TEXT_BLOCKS.has(name);
    if (block) out.blockBoundary();
    walk(node, out, name === 'pre' ? preDepth + 1 : preDepth);
    if (block) out.blockBoundary();
  }
}

/** TextBuilder's state machine (text-builder.ts), recording each character's source. */
class MappedTextBuilder<N extends WalkNode> {
  private out: string[] = [];
  private nodes: (N | null)[] = [];
  private offsets: number[] = [];
  private empty = true;
  /** Where the pending space came from (the first whitespace of its run), if anywhere. */
  private pendingSpace: { node: N; offset: number } | null = null;
  private pendingBreak = '';

  text(node: N, preformatted: boolean): void {
    const raw = node.data ?? '';
    if (raw === '') return;
    if (preformatted) {
      for (let i = 0; i < raw.length; i++) {
        // CRLF and CR are one "\n" in main's text; the DOM parser already did this for markup.
        if (raw[i] === '\r' && raw[i + 1] === '\n') continue;
        this.emit(raw[i] === '\r' ? '\n' : (raw[i] as string), node, i);
      }
      return;
    }
    let i = 0;
    while (i < raw.length) {
      if (COLLAPSIBLE.test(raw[i] as string)) {
        const from = i;
        while (i < raw.length && COLLAPSIBLE.test(raw[i] as string)) i++;
        // A run of whitespace is one space, written only if text follows in the block.
        if (!this.pendingSpace) this.pendingSpace = { node, offset: from };
        continue;
      }
      this.emit(raw[i] as string, node, i);
      i++;
    }
  }

  lineBreak(): void {
    if (!this.empty) this.pendingBreak += '\n';
    this.pendingSpace = null;
  }

  blockBoundary(): void {
    this.pendingSpace = null;
    if (!this.empty && this.pendingBreak.length < 2) this.pendingBreak = '\n\n';
  }

  done(): TextMap<N> {
    return { text: this.out.join(''), nodes: this.nodes, offsets: this.offsets };
  }

  private emit(char: string, node: N, offset: number): void {
    if (this.pendingBreak) {
      for (const c of this.pendingBreak) this.push(c, null, -1);
    } else if (this.pendingSpace && !this.empty) {
      this.push(' ', this.pendingSpace.node, this.pendingSpace.offset);
    }
    this.push(char, node, offset);
    this.empty = false;
    this.pendingBreak = '';
    this.pendingSpace = null;
  }

  private push(char: string, node: N | null, offset: number): void {
    this.out.push(char);
    this.nodes.push(node);
    this.offsets.push(offset);
  }
}

/** A stretch of one text node: `[from, to)` in its data. */
export interface NodeSlice<N> {
  node: N;
  from: number;
  to: number;
}

/**
 * Returns the text-node stretches that show `[start, end)` of the map's text, in text order
 * (separators between blocks have no node and are left out).
 */
export function slicesOf<N extends WalkNode>(map: TextMap<N>, start: number, end: number) {
  const slices: NodeSlice<N>[] = [];
  for (let i = Math.max(0, start); i < Math.min(end, map.text.length); i++) {
    const node = map.nodes[i];
    const offset = map.offsets[i] as number;
    if (!node) continue;
    const last = slices[slices.length - 1];
    if (last && last.node === node && last.to <= offset) last.to = offset + 1;
    else slices.push({ node, from: offset, to: offset + 1 });
  }
  return slices;
}

/**
 * Returns `[start, end)` in the map's text covering the characters `covers` says are selected,
 * trimmed of whitespace at both ends, or null when none (or only whitespace) is.
 * `covers(node, offset)` is asked once per character of the text.
 */
export function offsetsWhere<N extends WalkNode>(
  map: TextMap<N>,
  covers: (node: N, offset: number) => boolean,
): { start: number; end: number } | null {
  let start = -1;
  let end = -1;
  for (let i = 0; i < map.text.length; i++) {
    const node = map.nodes[i];
    if (!node || !covers(node, map.offsets[i] as number)) continue;
    if (start < 0) start = i;
    end = i + 1;
  }
  if (start < 0) return null;
  while (start < end && /\s/.test(map.text[start] as string)) start++;
  while (end > start && /\s/.test(map.text[end - 1] as string)) end--;
  return end > start ? { start, end } : null;
}
