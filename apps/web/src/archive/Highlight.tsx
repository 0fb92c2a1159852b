import { highlightParts } from './highlight';

/** The snippet with its hits marked; every other character is rendered as text by React. */
export function Highlight({ text }: { text: string }) {
  return (
    <span data-testid="highlight">
      {highlightParts(text).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
