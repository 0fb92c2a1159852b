export interface HighlightPart {
  text: string;
  mark: boolean;
}

/**
 * Splits the search's ts_headline snippet, whose hits come wrapped in <mark></mark>, into plain and marked text.
 * Nothing else in it is markup: a record's own "<b>" or "<script>" stays text.
 */
export function highlightParts(snippet: string): HighlightPart[] {
  return snippet
    .split(/<mark>([\s\S]*?)<\/mark>/)
    .map((text, i) => ({ text, mark: i % 2 === 1 }))
    .filter((part) => part.text !== '');
}
