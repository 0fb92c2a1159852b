/** A run of text in one style. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** A paragraph, or one item of a numbered ('1.') or bulleted ('-') list with the marker as written. */
export type BodyBlock = { kind: 'paragraph'; runs: Run[] } | { kind: 'item'; marker: string; runs: Run[] };

const LIST_ITEM = /^\s*(\d{1,3}[.)]|[a-z][.)]|[-*•])\s+(.*)$/;

/**
 * The body as the drafter typed it: paragraphs separated by a blank line; lines starting with '1.' (or
 * 'a.') or '-' are list items, and a line that does not continues the item or paragraph above it;
 * **bold** and _italic_ inside a line.
 */
export function parseBody(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let current: { marker: string | null; text: string } | null = null;
    const flush = () => {
      if (!current || !current.text.trim()) return;
      const runs = parseRuns(current.text.trim());
      blocks.push(current.marker === null ? { kind: 'paragraph', runs } : { kind: 'item', marker: current.marker, runs });
    };
    for (const line of chunk.split('\n')) {
      const item = LIST_ITEM.exec(line);
      if (item) {
        flush();
        current = { marker: /^[-*•]$/.test(item[1]) ? '•' : item[1], text: item[2] };
      } else if (current) current.text += ` ${line.trim()}`;
      else current = { marker: null, text: line.trim() };
    }
    flush();
  }
  return blocks;
}

/** `**bold**` and `_italic_` (an underscore inside a word, as in an e-mail address, stays as it is). */
export function parseRuns(text: string): Run[] {
  const runs: Run[] = [];
  const push = (part: string, bold: boolean, italic: boolean) => {
    if (!part) return;
    const last = runs[runs.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += part;
    else runs.push({ text: part, bold, italic });
  };
  text.split(/(\*\*[^*]+?\*\*)/).forEach((segment) => {
    const bold = /^\*\*[^*]+?\*\*$/.test(segment);
    const inner = bold ? segment.slice(2, -2) : segment;
    let at = 0;
    for (const match of inner.matchAll(/(^|[^\p{L}\p{N}_])_([^_\s](?:[^_]*?[^_\s])?)_(?=$|[^\p{L}\p{N}_])/gu)) {
      const start = match.index + match[1].length;
      push(inner.slice(at, start), bold, false);
      push(match[2], bold, true);
      at = start + match[2].length + 2;
    }
    push(inner.slice(at), bold, false);
  });
  return runs;
}
